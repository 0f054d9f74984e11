import type { accessEn } from './access.en.js';

const numbers = new Intl.NumberFormat('ar');

/** الوصول إلى صندوق الوارد وخطوات البدء، بالعربية. */
export const accessAr: typeof accessEn = {
  accessTitle: 'صندوق الوارد في مرحلة تجريبية',
  accessIntro:
    'صندوق الوارد حاليًا ميزة تجريبية غير متاحة لجميع المستخدمين افتراضيًا. إذا كنت مهتمًا، فاطلب الوصول أولاً.',
  requestAccess: 'طلب الوصول',
  accessPending: 'طلبك في انتظار الموافقة. سيتواصل معك أحد موظفي الدعم قريبًا.',
  requestReceived: 'تم استلام الطلب!',
  requestReceivedText: 'سيراجع أحد موظفي الدعم طلبك ويتواصل معك قريبًا.',
  requestAlreadySent: 'تم إرسال الطلب مسبقًا',
  requestAlreadySentText:
    'لقد طلبت الوصول إلى صندوق الوارد من قبل. سيراجع أحد موظفي الدعم طلبك ويتواصل معك قريبًا.',
  dialogOk: 'حسنًا',
  accessOffline: 'أنت غير متصل. اتصل بالإنترنت لطلب الوصول.',
  welcomeTitle: 'مرحبًا بك في صندوق الوارد',
  welcomeIntro: 'أكمل هذه الخطوات قبل أن تبدأ. تُعلَّم الخطوات المنجزة تلقائيًا، ويمكن تخطي الخطوات الاختيارية.',
  goToInbox: 'الانتقال إلى صندوق الوارد',
  onboardingTitle: 'إعداد صندوق الوارد',
  onboardingLoadError: 'تعذّر تحميل خطوات البدء.',
  onboardingProgress: (done: number, total: number) =>
    `أُنجزت ${numbers.format(done)} من ${numbers.format(total)} خطوات`,
  stepDone: 'منجزة',
  stepTodo: 'قيد الانتظار',
  stepSkipped: 'تم تخطيها',
  stepOptional: 'اختيارية',
  skip: 'تخطٍّ',
  skipStep: (title: string) => `تخطٍّ: ${title}`,
  stepSkippedNow: (title: string) => `تم تخطي: ${title}.`,
  helpArticle: 'مقالة مساعدة',
  helpArticleFor: (title: string) => `مقالة مساعدة: ${title}`,
};
