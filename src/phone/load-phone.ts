import type * as phone from './phone.js';

/** The phone module, loaded once, on first use (about 30 KB gzipped that most pages never need). */
export type PhoneModule = typeof phone;

let loading: Promise<PhoneModule> | undefined;

export function loadPhone(): Promise<PhoneModule> {
  loading ??= import('./phone.js').catch((error: unknown) => {
    loading = undefined; // A failed fetch (offline) may be tried again.
    throw error;
  });
  return loading;
}
