import { expect, fixture, html } from '@open-wc/testing';

const defined = (tag: string) => customElements.get(tag) !== undefined;

describe('the loader', () => {
  before(async () => {
    // A page with a list on it when the loader starts.
    await fixture(html`<inbox-conversation-list></inbox-conversation-list>`);
    await import('../../src/define/autoload.js');
  });

  it('defines the tags the page shows, and only those', async () => {
    await customElements.whenDefined('inbox-conversation-list');
    expect(defined('inbox-timeline')).to.equal(false);
    expect(defined('inbox-details')).to.equal(false);
  });

  it('defines a tag the host adds later', async () => {
    const holder = await fixture(html`<div></div>`);
    holder.append(document.createElement('inbox-timeline'));
    await customElements.whenDefined('inbox-timeline');
  });

  it('defines tags in a shadow root once it is handed the root, and those added to it later', async () => {
    const { discover } = await import('../../src/define/autoload.js');
    const host = await fixture(html`<div></div>`);
    const root = host.attachShadow({ mode: 'closed' });
    root.append(document.createElement('inbox-composer'));
    // A tag added to the document at the same time loads; the one in the root does not.
    host.append(document.createElement('inbox-space-switcher'));
    await customElements.whenDefined('inbox-space-switcher');
    expect(defined('inbox-composer')).to.equal(false, 'out of sight until discovered');
    discover(root);
    await customElements.whenDefined('inbox-composer');
    root.append(document.createElement('inbox-details'));
    await customElements.whenDefined('inbox-details');
  });
});
