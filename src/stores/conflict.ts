// What a colleague changed while someone was editing, so the UI can show it instead of
// overwriting their work: the fields whose value moved between the version the edit started from
// and the version the server has now.
import type { InboxApiError } from '../api/errors.js';

export interface ChangedField<K extends string = string> {
  field: K;
  /** The value when the user started editing. */
  before: unknown;
  /** The value the server has now. */
  now: unknown;
}

/** A refused save (412) with the resource as it is now and what changed in it. */
export interface Conflict<T, K extends string = string> {
  current: T;
  changed: ChangedField<K>[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function changedFields<T extends object, K extends keyof T & string>(
  base: T,
  current: T,
  fields: readonly K[],
): ChangedField<K>[] {
  return fields
    .filter((field) => !same(base[field], current[field]))
    .map((field) => ({
      field,
      before: base[field],
      now: current[field],
    }));
}

/** An action's end when a save may meet a colleague's change first. */
export type SaveResult<T, K extends string = string> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: InboxApiError;
      /** With 412: what a colleague changed first. */
      conflict?: Conflict<T, K>;
      /** With 409 …-exists: the one that already has the number or name asked for. */
      existing?: T;
    };

/** The resource a 409 `…-exists` problem names in `current`. */
export function existingOf<T extends { id: string }>(error: InboxApiError): T | undefined {
  const current = error.current as Partial<T> | undefined;
  return error.status === 409 && typeof current?.id === 'string' ? (current as T) : undefined;
}

/** The resource a 412 carries as `current`, when it is the one being saved. */
export function currentOf<T extends { id: string; version: number }>(
  error: InboxApiError,
  id: string,
): T | undefined {
  const current = error.current as Partial<T> | undefined;
  return current?.id === id && typeof current.version === 'number' ? (current as T) : undefined;
}
