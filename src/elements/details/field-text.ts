// Words for the contact dialog's fields and their problems.
import type { DetailsCatalogue } from '../../i18n/details.en.js';
import type { FieldProblem } from '../../stores/contact-form.js';
import type { ContactField } from '../../stores/index.js';

export function fieldLabel(field: ContactField, m: DetailsCatalogue): string {
  const labels: Record<ContactField, string> = {
    name: m.contactName,
    phone: m.contactPhone,
    email: m.contactEmail,
    company: m.contactCompany,
    notes: m.contactNotes,
  };
  return labels[field];
}

/** What a field problem says, in the user's language. */
export function problemText(problem: FieldProblem, m: DetailsCatalogue): string {
  switch (problem.code) {
    case 'phone-empty':
      return m.problemPhoneEmpty;
    case 'phone-unreadable':
      return m.problemPhoneUnreadable;
    case 'phone-too-short':
      return m.problemPhoneTooShort;
    case 'phone-too-long':
      return m.problemPhoneTooLong;
    case 'email-invalid':
      return m.problemEmailInvalid;
    case 'too-long':
      return m.problemTooLong(problem.max);
    case 'server':
      return problem.message;
  }
}
