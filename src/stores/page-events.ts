// The page's comings and goings, as the stores need them; injectable so tests can raise them.

/** Subscribes a listener; returns its unsubscribe. */
export type PageEventSource = (listener: () => void) => () => void;

/** The page became visible again, or the browser came back online. */
export const pageReturns: PageEventSource = (listener) => {
  if (typeof document === 'undefined') return () => undefined;
  const onVisibility = () => {
    if (document.visibilityState === 'visible') listener();
  };
  document.addEventListener('visibilitychange', onVisibility);
  globalThis.addEventListener('online', listener);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    globalThis.removeEventListener('online', listener);
  };
};

/** The page is going away: the tab closes, the page navigates, or it enters the back/forward cache. */
export const pageLeaves: PageEventSource = (listener) => {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener('pagehide', listener);
  return () => window.removeEventListener('pagehide', listener);
};

/** Visible unless the document says it is hidden (no document: a test or worker, counts as visible). */
export function documentIsVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}
