import { expect } from '@open-wc/testing';
import { RECENT_EMOJI_LIMIT } from '../../src/stores/index.js';
import { me } from './backend.js';
import { disposeAll, inbox } from './timeline-backend.js';

afterEach(disposeAll);

describe('emoji preferences', () => {
  it('remember the skin tone and the recently used emoji, newest first, per user across reloads', async () => {
    const setup = inbox();
    const store = await setup.open();
    expect(store.emoji.$tone.get()).to.equal(0);
    expect(store.emoji.$recent.get()).to.deep.equal([]);
    store.emoji.setTone(4);
    store.emoji.remember('😀');
    store.emoji.remember('🐵');
    store.emoji.remember('😀'); // picked again: moves to the front, not listed twice
    expect(store.emoji.$recent.get()).to.deep.equal(['😀', '🐵']);
    expect(setup.storage.data.has(`inbox-elements:${me.user.id}:emoji`)).to.equal(true);

    const reloaded = await setup.open();
    expect(reloaded.emoji.$tone.get()).to.equal(4);
    expect(reloaded.emoji.$recent.get()).to.deep.equal(['😀', '🐵']);
  });

  it(`keeps at most ${RECENT_EMOJI_LIMIT} recently used emoji, dropping the oldest`, async () => {
    const store = await inbox().open();
    const picked = Array.from({ length: RECENT_EMOJI_LIMIT + 5 }, (_, i) =>
      String.fromCodePoint(0x1f600 + i),
    );
    for (const emoji of picked) store.emoji.remember(emoji);
    expect(store.emoji.$recent.get()).to.deep.equal(picked.reverse().slice(0, RECENT_EMOJI_LIMIT));
  });

  it('starts from the defaults when what was stored is not valid', async () => {
    const setup = inbox();
    setup.storage.setItem(`inbox-elements:${me.user.id}:emoji`, JSON.stringify({ tone: 9, recent: 'x' }));
    const store = await setup.open();
    expect(store.emoji.$tone.get()).to.equal(0);
    expect(store.emoji.$recent.get()).to.deep.equal([]);
  });
});
