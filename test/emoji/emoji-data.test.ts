import { expect } from '@open-wc/testing';
import { emojiDataLocale, emojiDataUrl } from '../../src/emoji/data-url.js';
import { loadEmojiData, parseEmojiData, searchEmoji } from '../../src/emoji/emoji-data.js';
import { newestDrawnVersion } from '../../src/emoji/emoji-support.js';

describe('emoji data', () => {
  it('uses the names of the locale when shipped, else English; a host URL may name the locale', () => {
    expect(emojiDataLocale('es-MX')).to.equal('es');
    expect(emojiDataLocale('ar')).to.equal('en');
    expect(emojiDataUrl('es', '/assets/emoji-{locale}.json')).to.equal('/assets/emoji-es.json');
    expect(emojiDataUrl('ar', 'https://cdn.example/emoji.json')).to.equal('https://cdn.example/emoji.json');
    // By default, the file beside the loader (dist/emoji/, dist/cdn/emoji/).
    expect(new URL(emojiDataUrl('es')).pathname).to.match(/\/emoji\/es\.json$/);
  });

  it('loads the shipped data from beside the loader, without the skin-tone components', async () => {
    const data = await loadEmojiData(emojiDataUrl('en'));
    expect(data.emoji.length).to.be.greaterThan(1800);
    expect(data.groups).to.deep.equal([0, 1, 3, 4, 5, 6, 7, 8, 9]);
    expect(data.byUnicode.get('😀')!.annotation).to.equal('grinning face');
    expect(searchEmoji(data, 'light skin tone').map((e) => e.annotation)).not.to.include('light skin tone');
    expect(searchEmoji(data, '   ')).to.deep.equal([]);
  });

  it('refuses data in another format', () => {
    expect(() => parseEmojiData([{ emoji: '😀', annotation: 'grinning face', group: 0 }])).to.throw(
      TypeError,
    );
    expect(() => parseEmojiData({ locale: 'en', emoji: [['😀']] })).to.throw(TypeError);
  });

  it("hides Emoji versions newer than the newest the browser draws, and nothing when it can't tell", () => {
    const record = (unicode: string, version: number, group = 0) => ({
      unicode,
      annotation: unicode,
      group,
      version,
      words: '',
    });
    const emoji = [record('😀', 1), record('🇫🇷', 2, 9), record('🥲', 13), record('🫠', 14), record('🫨', 15)];
    expect(newestDrawnVersion(emoji, (e) => e !== '🫨' && e !== '🫠')).to.equal(13);
    expect(newestDrawnVersion(emoji, () => false)).to.equal(Infinity);
  });
});
