/** Sends waiting, rate limits and the collision warning, in English: spread into the English catalogue. */
const plural = new Intl.PluralRules('en');

export const outboxEn = {
  pendingQueued: 'Queued: waiting its turn',
  pendingWaitingNetwork: 'Queued: waiting for the network',
  pendingSending: 'Sending…',
  pendingFailed: 'Not sent',
  retryPending: 'Retry sending this message',
  retryPendingNote: 'Retry adding this note',
  rateLimited: (seconds: number) => `Too many requests — trying again in ${seconds} s`,
  queuedOffline: (count: number) =>
    plural.select(count) === 'one'
      ? "You're offline: 1 message is queued and goes out when the connection is back."
      : `You're offline: ${count} messages are queued and go out when the connection is back.`,
  /** `name` arrives isolated (see bidi.ts). */
  collisionReply: (name: string) => `New reply from ${name} — send anyway?`,
  collisionNote: (name: string) => `New note from ${name} — send anyway?`,
  collisionMessage: (name: string) => `New message from ${name} — send anyway?`,
  sendAnyway: 'Send anyway',
  reviewNew: 'Review',
};
