import type { newConversationEn } from './new-conversation.en.js';

const numbers = new Intl.NumberFormat('ar');

export const newConversationAr: typeof newConversationEn = {
  newConversationTitle: 'محادثة جديدة',
  newConversationClose: 'إغلاق',
  newConversationStep: (step, steps) => `الخطوة ${numbers.format(step)} من ${numbers.format(steps)}`,
  newConversationProfile: 'ملف المرسل',
  newConversationChooseProfile: 'اختر ملف المرسل',
  newConversationTeam: 'الفريق المعيَّن',
  newConversationChooseTeam: 'اختر فريقًا',
  newConversationPhone: 'رقم الهاتف',
  newConversationCountry: 'البلد',
  newConversationCountryOption: (country, callingCode) => `${country} (\u200E+${callingCode})`,
  newConversationPhoneHint: 'مع رمز البلد (\u200E+966…)، أو اختر البلد أولًا.',
  newConversationLookingUp: 'جارٍ البحث عن جهة اتصال بهذا الرقم…',
  newConversationContact: (name) => `هذا الرقم يخص ${name}.`,
  newConversationNewContact: 'لا توجد جهة اتصال بهذا الرقم بعد: سيُنشئ الإرسال واحدة.',
  newConversationExisting: (name, profile) => `لدى ${name} محادثة مفتوحة بالفعل على ${profile}.`,
  newConversationOpenExisting: 'فتح المحادثة',
  newConversationChecking: 'جارٍ التحقق من المرسلين…',
  newConversationAvailable: (country, left, limit) =>
    `يتوفر مرسل في ${country}: تبقّى ${left} من ${limit} رسالة اليوم`,
  newConversationFallback: (country, senderCountry, left, limit) =>
    `لا يوجد مرسل في ${country}، لذا يرسل بدلًا منه مرسل في ${senderCountry}: تبقّى ${left} من ${limit} رسالة اليوم`,
  newConversationUsedUp: (country) =>
    `لم يتبقَّ اليوم لأي مرسل في هذا الملف رسائل إلى ${country}. حاول غدًا أو اختر ملف مرسل آخر.`,
  newConversationNoSender: (country) => `لا يوجد في هذا الملف مرسل إلى ${country}. اختر ملف مرسل آخر.`,
  newConversationAvailabilityFailed: (reason) => `تعذّر التحقق من المرسلين: ${reason}`,
  newConversationLoading: 'جارٍ تحميل ملفات المرسلين…',
  newConversationLoadFailed: (reason) => `تعذّر تحميل ملفات المرسلين: ${reason}`,
  newConversationNoProfiles:
    'لا يمكن لأي من ملفات المرسلين لديك بدء محادثة برقم هاتف. اطلب من المسؤول ملف مرسل للرسائل القصيرة أو واتساب.',
  newConversationNoTeams: 'لست عضوًا في أي فريق في هذه المساحة، لذا لا يمكنك بدء محادثة هنا.',
  newConversationPickProfile: 'اختر ملف المرسل الذي تُرسل منه.',
  newConversationPickTeam: 'اختر الفريق الذي تُسند إليه المحادثة.',
  newConversationPhoneEmpty: 'أدخل رقم الهاتف.',
  newConversationPhoneUnreadable: 'لا يبدو هذا رقم هاتف. تحقّق من الأرقام.',
  newConversationPhoneTooShort: 'هذا الرقم أقصر من اللازم لبلده.',
  newConversationPhoneTooLong: 'هذا الرقم أطول من اللازم لبلده.',
  newConversationNext: 'التالي',
  newConversationBack: 'رجوع',
  newConversationSend: 'إرسال الرسالة',
  newConversationSending: 'جارٍ الإرسال…',
  newConversationMessage: 'الرسالة',
  newConversationTo: (to, profile) => `إلى ${to}، من ${profile}`,
  newConversationPlaceholder: 'اكتب الرسالة الأولى…',
  newConversationSendHint: 'يُرسل Ctrl+Enter (أو ⌘+Enter على Mac) الرسالة.',
};
