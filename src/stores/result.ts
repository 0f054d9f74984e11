import { InboxApiError } from '../api/errors.js';

/** An action's end as a value, so an element can branch on it instead of catching. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: InboxApiError };

export function settle<T>(pending: Promise<T>): Promise<Result<T>> {
  return pending.then(
    (value) => ({ ok: true, value }),
    (thrown: unknown) => ({ ok: false, error: InboxApiError.from(thrown) }),
  );
}
