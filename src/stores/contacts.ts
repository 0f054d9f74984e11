import { atom, type ReadableAtom } from 'nanostores';
import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import { ifMatch, unwrap } from '../api/middleware.js';
import type { Contact, ContactInput, ContactPatch, InboxEvent } from '../api/types.js';
import { changedFields, currentOf, existingOf, type SaveResult } from './conflict.js';
import type { DirectoryStore } from './directory.js';
import type { InboxPart } from './inbox-store.js';

/** The fields a person edits in the contact dialog. */
export const CONTACT_FIELDS = ['name', 'phone', 'email', 'company', 'notes'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface ContactsStore {
  /** Every contact this store has loaded, by id. */
  $byId: ReadableAtom<Record<string, Contact>>;
  /** Loads one contact (again); resolves undefined when it cannot be seen. Never rejects. */
  load(contactId: string): Promise<Contact | undefined>;
  /** The contact of the active space with this number (national variants count), or null. */
  findByPhone(phone: string): Promise<Contact | null>;
  /** Creates a contact in the active space; a taken number is a 409 whose `current` is that contact. */
  create(input: Omit<ContactInput, 'spaceId'>): Promise<SaveResult<Contact, ContactField>>;
  /**
   * Saves changes with If-Match on the version the edit started from. When a colleague saved first
   * (412) the result carries the contact as it is now and what changed; the cache takes it in.
   */
  update(base: Contact, patch: ContactPatch): Promise<SaveResult<Contact, ContactField>>;
  /** Realtime reducer for `contact.updated`. */
  applyEvent(event: InboxEvent): void;
}

export function createContactsStore(client: InboxClient, directory: DirectoryStore): ContactsStore {
  const $byId = atom<Record<string, Contact>>({});

  /** The cache rule: an older or equal version never overwrites a newer one. */
  function put(contact: Contact): Contact {
    const known = $byId.get()[contact.id];
    if (!known || contact.version > known.version) $byId.set({ ...$byId.get(), [contact.id]: contact });
    return $byId.get()[contact.id] ?? contact;
  }

  // Another space's contacts mean nothing in this one.
  directory.onSpaceChange(() => $byId.set({}));

  async function save(
    base: Contact | undefined,
    request: () => Promise<Contact>,
  ): Promise<SaveResult<Contact, ContactField>> {
    try {
      return { ok: true, value: put(await request()) };
    } catch (thrown) {
      const error = InboxApiError.from(thrown);
      const current = base ? currentOf<Contact>(error, base.id) : undefined;
      if (error.status === 412 && base) {
        const now = current ? put(current) : await load(base.id);
        if (now)
          return {
            ok: false,
            error,
            conflict: { current: now, changed: changedFields(base, now, CONTACT_FIELDS) },
          };
      }
      const existing = existingOf<Contact>(error);
      return existing ? { ok: false, error, existing: put(existing) } : { ok: false, error };
    }
  }

  async function load(contactId: string): Promise<Contact | undefined> {
    try {
      const params = { path: { contactId } };
      return put(await unwrap(client.api.GET('/contacts/{contactId}', { params })));
    } catch {
      return undefined;
    }
  }

  return {
    $byId,
    load,
    async findByPhone(phone) {
      const spaceId = directory.$activeSpaceId.get();
      if (!spaceId) return null;
      const page = await unwrap(
        client.api.GET('/contacts', { params: { query: { spaceId, phone, limit: 1 } } }),
      );
      const found = page.items[0];
      return found ? put(found) : null;
    },
    create(input) {
      const spaceId = directory.$activeSpaceId.get() ?? '';
      return save(undefined, () => unwrap(client.api.POST('/contacts', { body: { ...input, spaceId } })));
    },
    update(base, patch) {
      return save(base, () =>
        unwrap(
          client.api.PATCH('/contacts/{contactId}', {
            params: { path: { contactId: base.id }, header: ifMatch(base.version) },
            body: patch,
          }),
        ),
      );
    },
    applyEvent(event) {
      if (event.type === 'contact.updated' && event.spaceId === directory.$activeSpaceId.get())
        put(event.contact);
    },
  };
}

/** Contacts by id, with the changes realtime brings: `store.use(contactsStore)`. */
export const contactsStore: InboxPart<ContactsStore> = ({ client, directory, realtime }, { onDispose }) => {
  const contacts = createContactsStore(client, directory);
  onDispose(realtime.onEvent((event) => contacts.applyEvent(event)));
  return contacts;
};
