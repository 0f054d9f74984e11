import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/index.js';
import type { components } from '../../src/api/schema.js';
import type { InboxProvider } from '../../src/index.js';
import { agent, colleague, makeConversations } from '../fixtures/inbox-fixtures.js';
import { fixtureBackend } from '../helpers/fixture-fetch.js';
import { timelineBackend } from '../helpers/timeline-fetch.js';

type TimelineEvent = components['schemas']['TimelineEvent'];

/** The badges a timeline shows for these events, in order. */
async function badges(events: TimelineEvent[]): Promise<string[]> {
  const backend = timelineBackend(fixtureBackend(makeConversations(2)), 0);
  backend.timelines['conv-0'] = events.map((event, i) => ({
    id: `event-${i}`,
    conversationId: 'conv-0',
    seq: i + 1,
    createdAt: new Date(Date.UTC(2026, 10, 30, 9, i)).toISOString(),
    kind: 'event',
    event,
  }));
  const provider = await fixture<InboxProvider>(html`
    <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
      <inbox-timeline conversation-id="conv-0" style="block-size: 400px"></inbox-timeline>
    </inbox-provider>
  `);
  const timeline = provider.querySelector('inbox-timeline')!;
  const read = () =>
    [...timeline.shadowRoot!.querySelectorAll('[part="event"] > span')].map((el) =>
      el.textContent!.replace(/[\u2068\u2069]/g, '').trim(),
    );
  await waitUntil(
    () => read().length === events.length && read().every((text) => !text.includes('someone')),
    'no badges',
    {
      timeout: 3000,
    },
  );
  return read();
}

describe('<inbox-timeline> event badges', () => {
  it('say who changed the assignment, the tags and the contact, and what', async () => {
    expect(
      await badges([
        {
          type: 'assignment_changed',
          teamIds: ['team-support'],
          assigneeIds: [agent.id],
          addedAssigneeIds: [agent.id],
          removedAssigneeIds: [],
          addedTeamIds: ['team-support'],
          removedTeamIds: ['team-sales'],
          actorId: colleague.id,
        },
        { type: 'tags_changed', added: [], removed: [], actorId: colleague.id },
        { type: 'contact_updated', fields: ['phone', 'email'], actorId: colleague.id },
      ]),
    ).to.deep.equal([
      'Kwame Mensah assigned Lucía Fernández · Kwame Mensah assigned the team Support · Kwame Mensah took the team Sales off',
      '',
      "Kwame Mensah updated the contact's phone number and email",
    ]);
  });
});
