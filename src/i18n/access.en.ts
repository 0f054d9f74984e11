import { withWords, type Catalogue, type ResolvedLocale } from './index.js';

/**
 * Inbox access and onboarding, in English. They load with the access screens (accessLocale); the
 * loading words and the refusals any element may show are in en.ts.
 */
export const accessEn = {
  accessTitle: 'Inbox is in beta',
  accessIntro:
    'Inbox is currently a Beta feature that is not available to all users by default. If you are interested, request access first.',
  requestAccess: 'Request Access',
  accessPending: 'Your request is waiting for approval. A support agent will follow up with you shortly.',
  requestReceived: 'Request Received!',
  requestReceivedText: 'A support agent will review your request and follow up with you shortly.',
  requestAlreadySent: 'Request Already Sent',
  requestAlreadySentText:
    'You already requested access to the Inbox. A support agent will review your request and follow up with you shortly.',
  dialogOk: 'OK',
  accessOffline: "You're offline. Connect to the internet to request access.",
  welcomeTitle: 'Welcome to the Inbox',
  welcomeIntro:
    'Complete these steps before you start. Steps already done are marked automatically; optional ones can be skipped.',
  goToInbox: 'Go to the Inbox',
  onboardingTitle: 'Set up your inbox',
  onboardingLoadError: "Couldn't load the onboarding steps.",
  onboardingProgress: (done: number, total: number) => `${done} of ${total} steps done`,
  stepDone: 'Done',
  stepTodo: 'To do',
  stepSkipped: 'Skipped',
  stepOptional: 'Optional',
  skip: 'Skip',
  skipStep: (title: string) => `Skip: ${title}`,
  stepSkippedNow: (title: string) => `Skipped: ${title}.`,
  helpArticle: 'Help article',
  helpArticleFor: (title: string) => `Help article: ${title}`,
};

export type AccessCatalogue = Catalogue & typeof accessEn;
export type AccessLocale = ResolvedLocale<AccessCatalogue>;
/** The locale with these words: call it where a module that shows them receives the locale. */
export const accessLocale = (resolved: ResolvedLocale): AccessLocale => withWords(resolved, accessEn);
