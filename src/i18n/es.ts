import { accessEs } from './access.es.js';
import { composerEs } from './composer.es.js';
import type { Catalogue } from './en.js';
import { detailsEs } from './details.es.js';
import { newConversationEs } from './new-conversation.es.js';
import { outboxEs } from './outbox.es.js';
import { timelineEs } from './timeline.es.js';

/** Countries whose Spanish name takes an article inside a sentence ("en el Reino Unido"). */
const ARTICLE: Record<string, string> = { GB: 'el', NL: 'los', AE: 'los', DO: 'la', CF: 'la' };

/** Built once: a list of thousands of rows asks for plurals on every render. */
const plural = new Intl.PluralRules('es');

export const es: Catalogue = {
  channelSms: 'SMS',
  channelWhatsapp: 'WhatsApp',
  channelTelegram: 'Telegram',
  conversationsLabel: 'Conversaciones',
  loadingConversations: 'Cargando conversaciones…',
  noConversations: 'Todavía no hay conversaciones aquí.',
  loadError: 'No se pudieron cargar las conversaciones.',
  retry: 'Reintentar',
  loadingMore: 'Cargando más…',
  noteLabel: 'Nota',
  youLabel: 'Tú',
  noMessagesYet: 'Aún no hay mensajes',
  unreadCount: (count) =>
    plural.select(count) === 'one' ? '1 mensaje sin leer' : `${count} mensajes sin leer`,
  conversationCount: (count) =>
    plural.select(count) === 'one' ? '1 conversación' : `${count} conversaciones`,
  viewLabel: 'Mostrar',
  viewAll: 'Todas las conversaciones',
  viewMine: 'Asignadas a mí',
  viewClosedByMe: 'Cerradas',
  statusTabsLabel: 'Estado',
  statusAll: 'Todas',
  statusActive: 'Activas',
  statusUnanswered: 'Sin respuesta',
  statusClosed: 'Cerradas',
  teamLabel: 'Equipos',
  allTeams: 'Todos los equipos',
  searchLabel: 'Buscar por nombre, número o texto del mensaje',
  searchPlaceholder: 'Buscar',
  unreadOnly: 'Solo no leídas',
  sortLabel: 'Ordenar',
  sortLatest: 'Actividad reciente',
  sortWaiting: 'Más tiempo esperando',
  sortNewest: 'Más nuevas',
  noSearchResults: (query) => `Ninguna conversación coincide con «${query}».`,
  clearSearch: 'Borrar búsqueda',
  matchLabel: 'Coincidencia',
  changeStatusOf: (name) => `Cambiar el estado de ${name}`,
  moveToActive: 'Marcar como activa',
  moveToClosed: 'Cerrar conversación',
  reopen: 'Reabrir',
  statusChanged: (name, status) => `${name} ahora está: ${status}.`,
  assignedTo: (names) => `Asignada a ${names}`,
  viewingNow: (names) => `${names} la están viendo`,
  offline: 'Sin conexión: se muestran las últimas conversaciones conocidas. Reconectando…',
  spaceLabel: 'Espacio',
  switchSpace: (name) => `Espacio: ${name}. Cambiar de espacio`,
  justNow: 'ahora mismo',
  dismiss: 'Cerrar aviso',
  someone: 'alguien',
  changeStatus: (status) => `Estado: ${status}. Cambiar estado`,
  today: 'Hoy',
  yesterday: 'Ayer',
  smsCounter: (used: number, capacity: number, parts: number) => `${used} / ${capacity} · ${parts} SMS`,
  smsCounterUnicode: (used: number, capacity: number, parts: number) =>
    `Unicode · ${used} / ${capacity} · ${parts} SMS`,
  lengthCounter: (length: number, max: number) => `${length} / ${max}`,
  problemEmptyMessage: 'Escribe un mensaje o adjunta un archivo primero.',
  problemEmptyNote: 'Escribe una nota primero.',
  problemNotSignedIn: 'La bandeja aún no ha iniciado sesión; inténtalo de nuevo en un momento.',
  problemNotesNotAllowed: 'No tienes permiso para escribir notas internas.',
  problemSendUndone: 'El mensaje se deshizo antes de enviarse.',
  problemUndoTooLate: 'Este mensaje ya no se puede deshacer.',
  problemInboxClosed: 'La bandeja se cerró; el mensaje se enviará cuando vuelva a abrirse.',
  problemUnexpectedAnswer: 'El servidor respondió algo inesperado. Inténtalo de nuevo.',
  problemTextTooLong: (length: number, max: number, channel: string) =>
    `Ese mensaje tiene ${length} caracteres; ${channel} admite hasta ${max}.`,
  problemTooManySmsParts: (parts: number, max: number) =>
    `Ese mensaje necesita ${parts} partes de SMS; el límite es ${max}.`,
  problemAttachmentsNotAllowed: (channel: string) => `Los mensajes de ${channel} no admiten adjuntos.`,
  problemFileTypeRefused: (channel: string, what: string, accepted: string) =>
    `${channel} no admite ${what}.${accepted ? ` Admite ${accepted}.` : ''}`,
  filesWithExtension: (extension: string) => `archivos .${extension}`,
  filesOfType: (type: string) => `este tipo de archivo (${type || 'tipo desconocido'})`,
  fileTypeGroup: (kind: string) =>
    ({ image: 'imágenes', video: 'vídeos', audio: 'archivos de audio', text: 'archivos de texto' })[kind] ??
    `archivos ${kind}`,
  problemFileEmpty: 'Ese archivo está vacío.',
  problemFileTooLarge: (size: string, max: string, channel: string) =>
    `Ese archivo ocupa ${size}; ${channel} admite hasta ${max}.`,
  problemStatusConflict: (status: string) =>
    `Otra persona acaba de cambiar esta conversación; ahora su estado es ${status}. Revísala e inténtalo de nuevo.`,
  problemConflict: 'Otra persona acaba de cambiar esto. Revísalo e inténtalo de nuevo.',
  errorNetwork: 'No se puede conectar con el servidor de la bandeja. Comprueba tu conexión.',
  errorUnexpected: (status: number) =>
    `El servidor de la bandeja respondió con un error inesperado (${status}).`,
  notConfigured:
    'Esta bandeja no está conectada: colóquela dentro de <inbox-provider> o llame antes a configureInbox().',
  detailsNoConversation: 'Elige una conversación para ver sus detalles.',
  detailsUnavailable: 'No se pudieron cargar los detalles. Revisa tu conexión e inténtalo de nuevo.',
  contactName: 'Nombre',
  contactPhone: 'Número de teléfono',
  contactEmail: 'Correo electrónico',
  contactCompany: 'Empresa',
  contactNotes: 'Notas',
  contactLoading: 'Cargando el contacto…',
  accessLoading: 'Cargando la bandeja de entrada…',
  accessLoadError: 'No se pudo abrir la bandeja de entrada.',
  accessGranted: 'Tu acceso fue aprobado. La bandeja de entrada está lista.',
  onboardingLoading: 'Cargando los primeros pasos…',
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
  newConversationOpen: 'Crear una conversación nueva',
  newConversationCountryIn: (name, code) => (ARTICLE[code] ? `${ARTICLE[code]} ${name}` : name),
  newConversationSomeCountry: 'el país de este número',
  newConversationUnavailable:
    'No se pudo cargar el formulario de nueva conversación. Comprueba tu conexión e inténtalo de nuevo.',
  problemNoSenderAvailable: (profile, country) =>
    `Ningún remitente de “${profile}” tiene mensajes disponibles hoy para ${country}. Vuelve a intentarlo mañana o elige otro perfil de remitente.`,
  problemNoSenderForCountry: (profile, country) =>
    `“${profile}” no tiene remitentes para ${country}. Elige otro perfil de remitente.`,
  problemPhoneInvalid: (country) =>
    `No es un número de teléfono válido para ${country}. Revisa el prefijo y los dígitos.`,
  problemCannotStartByPhone: (channel) =>
    `Las conversaciones de ${channel} no se pueden iniciar por número de teléfono: el contacto tiene que escribir primero.`,
  problemTeamNotAllowed: (profile, team) =>
    `${team} no puede usar “${profile}”. Elige otro perfil de remitente o equipo.`,
  ...detailsEs,
  ...accessEs,
  ...newConversationEs,
  ...outboxEs,
  ...timelineEs,
  ...composerEs,
};
