import type { outboxEn } from './outbox.en.js';

const plural = new Intl.PluralRules('es');

export const outboxEs: typeof outboxEn = {
  pendingQueued: 'En cola: esperando su turno',
  pendingWaitingNetwork: 'En cola: esperando la red',
  pendingSending: 'Enviando…',
  pendingFailed: 'No enviado',
  retryPending: 'Reintentar el envío de este mensaje',
  retryPendingNote: 'Reintentar añadir esta nota',
  rateLimited: (seconds: number) => `Demasiadas solicitudes — se reintentará en ${seconds} s`,
  queuedOffline: (count: number) =>
    plural.select(count) === 'one'
      ? 'Sin conexión: 1 mensaje está en cola y se enviará cuando vuelva la conexión.'
      : `Sin conexión: ${count} mensajes están en cola y se enviarán cuando vuelva la conexión.`,
  collisionReply: (name: string) => `Nueva respuesta de ${name} — ¿enviar de todos modos?`,
  collisionNote: (name: string) => `Nueva nota de ${name} — ¿enviar de todos modos?`,
  collisionMessage: (name: string) => `Nuevo mensaje de ${name} — ¿enviar de todos modos?`,
  sendAnyway: 'Enviar de todos modos',
  reviewNew: 'Revisar',
};
