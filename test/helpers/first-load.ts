/**
 * Options for a `waitUntil` whose condition needs a first load in the test page: a lazy chunk or a
 * catalogue through the dev server, the emoji data, the phone-number library. Its default second
 * is too short for those on a loaded machine; the wait still ends as soon as the condition holds.
 */
export const FIRST_LOAD = { timeout: 5000 } as const;
