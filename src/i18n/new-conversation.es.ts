import type { newConversationEn } from './new-conversation.en.js';

export const newConversationEs: typeof newConversationEn = {
  newConversationTitle: 'Nueva conversación',
  newConversationClose: 'Cerrar',
  newConversationStep: (step, steps) => `Paso ${step} de ${steps}`,
  newConversationProfile: 'Perfil de remitente',
  newConversationChooseProfile: 'Elige un perfil de remitente',
  newConversationTeam: 'Equipo asignado',
  newConversationChooseTeam: 'Elige un equipo',
  newConversationPhone: 'Número de teléfono',
  newConversationCountry: 'País',
  newConversationCountryOption: (country, callingCode) => `${country} (+${callingCode})`,
  newConversationPhoneHint: 'Con su prefijo internacional (+34…), o elige antes el país.',
  newConversationLookingUp: 'Buscando un contacto con este número…',
  newConversationContact: (name) => `Este número pertenece a ${name}.`,
  newConversationNewContact: 'Ningún contacto tiene aún este número: al enviar se crea uno.',
  newConversationExisting: (name, profile) => `${name} ya tiene una conversación abierta en ${profile}.`,
  newConversationOpenExisting: 'Abrir conversación',
  newConversationChecking: 'Comprobando remitentes…',
  newConversationAvailable: (country, left, limit) =>
    `Hay un remitente disponible en ${country}: quedan ${left} de ${limit} mensajes hoy`,
  newConversationFallback: (country, senderCountry, left, limit) =>
    `Ningún remitente en ${country}, así que envía uno de ${senderCountry}: quedan ${left} de ${limit} mensajes hoy`,
  newConversationUsedUp: (country) =>
    `Ningún remitente de este perfil tiene mensajes disponibles hoy para ${country}. Vuelve a intentarlo mañana o elige otro perfil de remitente.`,
  newConversationNoSender: (country) =>
    `Este perfil no tiene remitentes para ${country}. Elige otro perfil de remitente.`,
  newConversationAvailabilityFailed: (reason) => `No se pudieron comprobar los remitentes: ${reason}`,
  newConversationLoading: 'Cargando perfiles de remitente…',
  newConversationLoadFailed: (reason) => `No se pudieron cargar los perfiles de remitente: ${reason}`,
  newConversationNoProfiles:
    'Ninguno de tus perfiles de remitente puede iniciar una conversación por número de teléfono. Pide a un administrador un perfil de SMS o WhatsApp.',
  newConversationNoTeams:
    'No perteneces a ningún equipo de este espacio, así que no puedes iniciar conversaciones aquí.',
  newConversationPickProfile: 'Elige el perfil de remitente desde el que enviar.',
  newConversationPickTeam: 'Elige el equipo al que se asigna la conversación.',
  newConversationPhoneEmpty: 'Escribe el número de teléfono.',
  newConversationPhoneUnreadable: 'Eso no parece un número de teléfono. Revisa los dígitos.',
  newConversationPhoneTooShort: 'Ese número es demasiado corto para su país.',
  newConversationPhoneTooLong: 'Ese número es demasiado largo para su país.',
  newConversationNext: 'Siguiente',
  newConversationBack: 'Atrás',
  newConversationSend: 'Enviar mensaje',
  newConversationSending: 'Enviando…',
  newConversationMessage: 'Mensaje',
  newConversationTo: (to, profile) => `Para ${to}, desde ${profile}`,
  newConversationPlaceholder: 'Escribe el primer mensaje…',
  newConversationSendHint: 'Ctrl+Intro (⌘+Intro en Mac) envía.',
};
