import type { accessEn } from './access.en.js';

/** Acceso a la bandeja de entrada y primeros pasos, en español. */
export const accessEs: typeof accessEn = {
  accessTitle: 'La bandeja de entrada está en beta',
  accessIntro:
    'La bandeja de entrada es por ahora una función beta que no está disponible para todos los usuarios. Si te interesa, solicita acceso primero.',
  requestAccess: 'Solicitar acceso',
  accessPending:
    'Tu solicitud está pendiente de aprobación. Un agente de soporte se pondrá en contacto contigo en breve.',
  requestReceived: '¡Solicitud recibida!',
  requestReceivedText: 'Un agente de soporte revisará tu solicitud y se pondrá en contacto contigo en breve.',
  requestAlreadySent: 'Solicitud ya enviada',
  requestAlreadySentText:
    'Ya solicitaste acceso a la bandeja de entrada. Un agente de soporte revisará tu solicitud y se pondrá en contacto contigo en breve.',
  dialogOk: 'Aceptar',
  accessOffline: 'No tienes conexión. Conéctate a internet para solicitar acceso.',
  welcomeTitle: 'Te damos la bienvenida a la bandeja de entrada',
  welcomeIntro:
    'Completa estos pasos antes de empezar. Los pasos ya hechos se marcan solos; los opcionales se pueden omitir.',
  goToInbox: 'Ir a la bandeja de entrada',
  onboardingTitle: 'Configura tu bandeja de entrada',
  onboardingLoadError: 'No se pudieron cargar los primeros pasos.',
  onboardingProgress: (done: number, total: number) => `${done} de ${total} pasos hechos`,
  stepDone: 'Hecho',
  stepTodo: 'Pendiente',
  stepSkipped: 'Omitido',
  stepOptional: 'Opcional',
  skip: 'Omitir',
  skipStep: (title: string) => `Omitir: ${title}`,
  stepSkippedNow: (title: string) => `Omitido: ${title}.`,
  helpArticle: 'Artículo de ayuda',
  helpArticleFor: (title: string) => `Artículo de ayuda: ${title}`,
};
