import type { accessEn } from './access.en.js';

/** Acceso a la bandeja de entrada y primeros pasos, en español. */
export const accessEs: typeof accessEn = {
  accessLoading: 'Cargando la bandeja de entrada…',
  accessLoadError: 'No se pudo abrir la bandeja de entrada.',
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
  accessGranted: 'Tu acceso fue aprobado. La bandeja de entrada está lista.',
  welcomeTitle: 'Te damos la bienvenida a la bandeja de entrada',
  welcomeIntro:
    'Completa estos pasos antes de empezar. Los pasos ya hechos se marcan solos; los opcionales se pueden omitir.',
  goToInbox: 'Ir a la bandeja de entrada',
  onboardingTitle: 'Configura tu bandeja de entrada',
  onboardingLoading: 'Cargando los primeros pasos…',
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
  stepTitles: {
    connect_channel: 'Conecta SMS, WhatsApp o Telegram',
    create_sender_profile: 'Crea un perfil de remitente',
    create_team: 'Crea un equipo',
    invite_agents: 'Invita a tus agentes',
    create_tags: 'Crea etiquetas de conversación',
    install_elements: 'Añade la bandeja de entrada a tus propias páginas',
  },
  problemStepNotOptional: (title: string) =>
    `«${title}» no se puede omitir: la bandeja de entrada lo necesita.`,
};
