import type { outboxEn } from './outbox.en.js';

const numbers = new Intl.NumberFormat('ar');
/** Arabic has six plural categories; Intl.PluralRules picks the right one. */
const plural = new Intl.PluralRules('ar');
const queued: Record<Intl.LDMLPluralRule, (n: string) => string> = {
  zero: () => 'لا توجد رسائل في قائمة الانتظار',
  one: () => 'رسالة واحدة في قائمة الانتظار',
  two: () => 'رسالتان في قائمة الانتظار',
  few: (n) => `${n} رسائل في قائمة الانتظار`,
  many: (n) => `${n} رسالة في قائمة الانتظار`,
  other: (n) => `${n} رسالة في قائمة الانتظار`,
};

export const outboxAr: typeof outboxEn = {
  pendingQueued: 'في قائمة الانتظار: تنتظر دورها',
  pendingWaitingNetwork: 'في قائمة الانتظار: بانتظار الشبكة',
  pendingSending: 'جارٍ الإرسال…',
  pendingFailed: 'لم تُرسل',
  retryPending: 'أعد محاولة إرسال هذه الرسالة',
  retryPendingNote: 'أعد محاولة إضافة هذه الملاحظة',
  rateLimited: (seconds: number) => `طلبات كثيرة جدًا — ستُعاد المحاولة خلال ${numbers.format(seconds)} ث`,
  queuedOffline: (count: number) =>
    `أنت غير متصل: ${queued[plural.select(count)](numbers.format(count))}، وستُرسل عند عودة الاتصال.`,
  collisionReply: (name: string) => `ردّ جديد من ${name} — هل تريد الإرسال على أي حال؟`,
  collisionNote: (name: string) => `ملاحظة جديدة من ${name} — هل تريد الإرسال على أي حال؟`,
  collisionMessage: (name: string) => `رسالة جديدة من ${name} — هل تريد الإرسال على أي حال؟`,
  sendAnyway: 'أرسل على أي حال',
  reviewNew: 'راجِع',
};
