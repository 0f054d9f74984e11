import type * as Views from './views.js';

export type AccessViews = typeof Views;

let pending: Promise<AccessViews> | undefined;

/** The access and onboarding screens, loaded once; a failed load (offline) may be tried again. */
export function loadViews(): Promise<AccessViews> {
  pending ??= import('./views.js').catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
