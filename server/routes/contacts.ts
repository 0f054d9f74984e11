import { getContact, listContacts } from '../domain/contact-query.js';
import { createContact, updateContact } from '../domain/contacts.js';
import { requireSpace } from '../domain/users.js';
import { inputOf, type Handler } from '../http/env.js';
import { parseIfMatch } from '../http/preconditions.js';

export const listContactsRoute: Handler = async (c) => {
  const { query } = inputOf(c, 'listContacts');
  const v = c.get('viewer');
  requireSpace(v, query.spaceId);
  const { db, cursors } = c.get('services');
  return c.json(await listContacts(db, v, query, cursors));
};

export const getContactRoute: Handler = async (c) => {
  const { path } = inputOf(c, 'getContact');
  const contact = await getContact(c.get('services').db, c.get('viewer'), path.contactId);
  c.header('ETag', `"${contact.version}"`);
  return c.json(contact);
};

export const createContactRoute: Handler = async (c) => {
  const { body } = inputOf(c, 'createContact');
  const contact = await createContact(c.get('services').db, c.get('viewer'), body);
  c.header('ETag', `"${contact.version}"`);
  return c.json(contact, 201);
};

export const updateContactRoute: Handler = async (c) => {
  const { path, headers, body } = inputOf(c, 'updateContact');
  const ifMatch = parseIfMatch(headers['if-match'] ?? '');
  const contact = await updateContact(c.get('services').db, c.get('viewer'), path.contactId, body, ifMatch);
  c.header('ETag', `"${contact.version}"`);
  return c.json(contact);
};
