import type { Rule } from '../check.js';

/** Every read the elements make answers in the contract's shape. */
export const schemas: Rule = {
  id: 'schemas',
  title: 'Reads answer with the contract’s response schemas',
  async run({ backend, spaceId, conversations }, check) {
    const s = encodeURIComponent(spaceId);
    const reads: [string, string][] = [
      ['getMe', '/me'],
      ['listSpaces', '/spaces'],
      ['listTeams', `/teams?spaceId=${s}`],
      ['listUsers', `/users?spaceId=${s}`],
      ['listChannels', '/channels'],
      ['listTags', `/tags?spaceId=${s}`],
      ['listConversations', `/conversations?spaceId=${s}&limit=20`],
      ['countConversations', `/conversations/counts?spaceId=${s}`],
      ['listContacts', `/contacts?spaceId=${s}&limit=20`],
      ['getInboxAccess', '/inbox-access'],
      ['getOnboarding', '/onboarding'],
    ];
    const first = conversations[0];
    if (first) {
      reads.push(['getConversation', `/conversations/${first.id}`]);
      reads.push(['getTimeline', `/conversations/${first.id}/timeline?limit=20`]);
      reads.push(['getContact', `/contacts/${first.contact.id}`]);
    }
    for (const [operationId, path] of reads)
      check.answer(await backend.call('GET', path), operationId, 200, `GET ${path}`);
  },
};
