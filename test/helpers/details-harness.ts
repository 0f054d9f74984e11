/** Mounts `<inbox-details>` in a provider backed by detailsBackend, and reads what it shows. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/index.js';
import type { InboxDetails, InboxProvider } from '../../src/index.js';
import type { DetailsBackend } from './details-fetch.js';
import { FIRST_LOAD } from './first-load.js';

export async function mountDetails(backend: DetailsBackend, conversationId = 'conv-0', extra = html``) {
  const provider = await fixture<InboxProvider>(html`
    <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
      <inbox-details conversation-id=${conversationId}>${extra}</inbox-details>
    </inbox-provider>
  `);
  const details = provider.querySelector('inbox-details') as InboxDetails;
  await waitUntil(() => part(details, 'contact-facts'), 'the details did not render', FIRST_LOAD);
  return { provider, details };
}

export const shadow = (details: InboxDetails) => details.shadowRoot as ShadowRoot;
export const part = (details: InboxDetails, name: string) =>
  shadow(details).querySelector<HTMLElement>(`[part~="${name}"]`);
export const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const sectionOf = (details: InboxDetails, name: string) =>
  shadow(details).querySelector<HTMLElement>(`[data-section="${name}"]`)!;
