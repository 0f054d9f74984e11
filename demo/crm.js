// A CRM's contact page: the inbox widget in its sidebar, the conversation on the record, and the
// Details beside the CRM's own fields for the same contact. One provider: one store for all.
import { setUpHost, showError } from './host-controls.js';

const provider = document.getElementById('inbox');
const recordName = document.getElementById('record-name');
const recordMeta = document.getElementById('record-meta');
const fields = document.getElementById('crm-fields');

const OWNERS = ['Priya Natarajan', 'Tom Becker', 'Chidi Okeke', 'Mei Lin'];
const SEGMENTS = ['Retail', 'Wholesale', 'Enterprise'];

/** The CRM's own data for a contact: here made up from its id, in a real CRM loaded from it. */
function crmRecord(contact) {
  const seed = [...contact.id].reduce((sum, c) => sum + c.charCodeAt(0), 0);
  return [
    ['Account owner', OWNERS[seed % OWNERS.length]],
    ['Segment', SEGMENTS[seed % SEGMENTS.length]],
    [
      'Lifetime value',
      new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(400 + (seed % 90) * 37),
    ],
    ['Last order', `NW-${10000 + (seed % 9000)}`],
  ];
}

// The Details tell the host which contact they show; the host renders its own fields for it.
document.addEventListener('inbox-contact-change', (event) => {
  const contact = event.detail.contact;
  fields.replaceChildren();
  if (!contact) return;
  recordName.textContent = contact.name || contact.phone;
  recordMeta.textContent = `${contact.phone}${contact.company ? ` · ${contact.company}` : ''}`;
  for (const [label, value] of crmRecord(contact)) {
    const term = document.createElement('dt');
    term.textContent = label;
    const definition = document.createElement('dd');
    definition.textContent = value;
    fields.append(term, definition);
  }
});

document.addEventListener('inbox-error', (event) => showError(event.detail.error.message));

setUpHost({ provider }).catch((error) => showError(error.message));
