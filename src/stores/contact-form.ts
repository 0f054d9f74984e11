// The contact dialog's rules, without DOM: what changed, what is wrong with a field, and which
// field a server refusal points at.
import type { InboxApiError } from '../api/errors.js';
import type { Contact, ContactPatch } from '../api/types.js';
import type { ContactField } from './contacts.js';

/** What the dialog's fields hold (text as typed; the phone as parsed E.164 or null). */
export interface ContactForm {
  name: string;
  email: string;
  company: string;
  notes: string;
}

/** Why a field cannot be saved (the i18n layer words it). */
export type FieldProblem =
  | { code: 'phone-empty' | 'phone-unreadable' | 'phone-too-short' | 'phone-too-long' }
  | { code: 'email-invalid' }
  | { code: 'too-long'; max: number }
  | { code: 'server'; message: string };

export const CONTACT_LIMITS = { name: 200, email: 320, company: 200, notes: 5000 } as const;

export function formOf(contact: Contact): ContactForm {
  return {
    name: contact.name,
    email: contact.email ?? '',
    company: contact.company ?? '',
    notes: contact.notes ?? '',
  };
}

const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);

/** Only what differs from `base`: a save never rewrites a field the user left alone. */
export function contactPatch(base: Contact, form: ContactForm, phone: string | null): ContactPatch {
  const patch: ContactPatch = {};
  if (form.name.trim() !== base.name) patch.name = form.name.trim();
  if (phone && phone !== base.phone) patch.phone = phone;
  if (orNull(form.email) !== base.email) patch.email = orNull(form.email);
  if (orNull(form.company) !== base.company) patch.company = orNull(form.company);
  if (orNull(form.notes) !== base.notes) patch.notes = orNull(form.notes);
  return patch;
}

/** Problems the browser can see before asking the server. */
export function checkContactForm(form: ContactForm): Partial<Record<ContactField, FieldProblem>> {
  const problems: Partial<Record<ContactField, FieldProblem>> = {};
  for (const field of ['name', 'email', 'company', 'notes'] as const) {
    const max = CONTACT_LIMITS[field];
    if ([...form[field]].length > max) problems[field] = { code: 'too-long', max };
  }
  const email = form.email.trim();
  if (email && !problems.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    problems.email = { code: 'email-invalid' };
  return problems;
}

/** A validation refusal's field errors, by the contact field they point at (`body.phone` → phone). */
export function serverFieldProblems(error: InboxApiError): Partial<Record<ContactField, FieldProblem>> {
  const problems: Partial<Record<ContactField, FieldProblem>> = {};
  for (const { path, message } of error.errors) {
    const field = /^body\.(name|phone|email|company|notes)$/.exec(path)?.[1] as ContactField | undefined;
    if (field) problems[field] = { code: 'server', message };
  }
  return problems;
}
