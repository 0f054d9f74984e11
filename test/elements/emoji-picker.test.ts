import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EmojiData } from '../../src/emoji/emoji-data.js';
import type { InboxEmojiPicker } from '../../src/emoji/emoji-picker.js';
import { EmojiPickEvent, EmojiToneChangeEvent } from '../../src/emoji/events.js';
import { loadEmojiPicker } from '../../src/emoji/load-picker.js';
import { ar } from '../../src/i18n/ar.js';
import { composerEn } from '../../src/i18n/composer.en.js';
import { en } from '../../src/i18n/en.js';
import type { Catalogue } from '../../src/i18n/index.js';
import { es } from '../../src/i18n/es.js';
import type { EmojiSkinTone } from '../../src/stores/index.js';

/** The data the test runner serves, as the library ships it (see scripts/emoji-data.mjs). */
const data = (locale: string): Promise<EmojiData> => loadEmojiPicker(locale, '/emoji/{locale}.json');

async function mountPicker(
  options: {
    locale?: string;
    messages?: Catalogue;
    tone?: EmojiSkinTone;
    recent?: string[];
    dir?: 'ltr' | 'rtl';
  } = {},
): Promise<InboxEmojiPicker> {
  const picker = await fixture<InboxEmojiPicker>(html`
    <inbox-emoji-picker
      dir=${options.dir ?? 'ltr'}
      .data=${await data(options.locale ?? 'en')}
      .messages=${options.messages ?? { ...en, ...composerEn }}
      .tone=${options.tone ?? 0}
      .recent=${options.recent ?? []}
    ></inbox-emoji-picker>
  `);
  return picker;
}

const root = (picker: InboxEmojiPicker) => picker.shadowRoot!;
const cells = (picker: InboxEmojiPicker) => [
  ...root(picker).querySelectorAll<HTMLButtonElement>('[role="gridcell"] button'),
];
const names = (picker: InboxEmojiPicker) => cells(picker).map((cell) => cell.getAttribute('aria-label'));
const cell = (picker: InboxEmojiPicker, name: string) =>
  cells(picker).find((c) => c.getAttribute('aria-label') === name);
const tabs = (picker: InboxEmojiPicker) => [...root(picker).querySelectorAll<HTMLElement>('[role="tab"]')];
const selectedTab = (picker: InboxEmojiPicker) =>
  tabs(picker).find((tab) => tab.getAttribute('aria-selected') === 'true');
const status = (picker: InboxEmojiPicker) => root(picker).querySelector('[role="status"]')!;
const focused = (picker: InboxEmojiPicker) => root(picker).activeElement as HTMLElement | null;

async function search(picker: InboxEmojiPicker, query: string): Promise<void> {
  root(picker).querySelector('input')!.focus();
  await sendKeys({ type: query });
  await picker.updateComplete;
}

describe('<inbox-emoji-picker>', () => {
  it('finds "grinning face" by "grin", whatever the case, and by tag and shortcode; counts are announced', async () => {
    const picker = await mountPicker();
    await search(picker, 'GRIN');
    expect(names(picker)).to.include('grinning face');
    expect(names(picker)).to.include('beaming face with smiling eyes'); // "grin" is one of its tags
    expect(status(picker).textContent!.trim()).to.equal(`${cells(picker).length} emoji`);
    expect(root(picker).querySelector('[role="grid"]')!.getAttribute('aria-labelledby')).to.equal(
      'grid-label',
    );
    expect(root(picker).querySelector('#grid-label')!.textContent!.trim()).to.equal('Search results');

    root(picker).querySelector('input')!.select();
    await search(picker, 'cheerful'); // a tag only
    expect(names(picker)[0]).to.equal('grinning face');
    root(picker).querySelector('input')!.select();
    await search(picker, ':grinning_face:'); // a shortcode
    expect(names(picker)).to.include('grinning face');

    root(picker).querySelector('input')!.select();
    await search(picker, 'zzzqx');
    expect(cells(picker)).to.have.length(0);
    expect(status(picker).textContent!.trim()).to.equal('No emoji match “zzzqx”.');
  });

  it('searches Spanish names without accents, and names each emoji in Spanish', async () => {
    const picker = await mountPicker({ locale: 'es', messages: es });
    expect(cells(picker)[0]!.getAttribute('aria-label')).to.equal('cara sonriendo');
    await search(picker, 'corazon rojo');
    expect(names(picker)).to.include('corazón rojo');
    root(picker).querySelector('input')!.select();
    await search(picker, 'SONRIENDO');
    expect(names(picker)[0]).to.equal('cara sonriendo');
    expect(status(picker).textContent!.trim()).to.match(/^\d+ emojis$/);
  });

  it('names emoji in English where the data has no names in the locale (Arabic)', async () => {
    const picker = await mountPicker({ locale: 'ar', messages: ar, dir: 'rtl' });
    expect(cells(picker)[0]!.getAttribute('aria-label')).to.equal('grinning face');
    expect(selectedTab(picker)!.getAttribute('aria-label')).to.equal('الوجوه والمشاعر');
  });

  it('switches categories from a tab list with accessible names, by click and by arrow keys', async () => {
    const picker = await mountPicker();
    expect(root(picker).querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal(
      'Emoji categories',
    );
    expect(tabs(picker).map((tab) => tab.getAttribute('aria-label'))).to.deep.equal([
      'Smileys and emotion',
      'People and body',
      'Animals and nature',
      'Food and drink',
      'Travel and places',
      'Activities',
      'Objects',
      'Symbols',
      'Flags',
    ]);
    expect(selectedTab(picker)!.getAttribute('aria-label')).to.equal('Smileys and emotion');
    expect(names(picker)[0]).to.equal('grinning face');
    const panel = root(picker).querySelector('[role="tabpanel"]')!;
    expect(panel.getAttribute('aria-labelledby')).to.equal(selectedTab(picker)!.id);

    tabs(picker)[2]!.click();
    await picker.updateComplete;
    expect(selectedTab(picker)!.getAttribute('aria-label')).to.equal('Animals and nature');
    expect(names(picker)[0]).to.equal('monkey face');
    expect(names(picker)).not.to.include('grinning face');

    selectedTab(picker)!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await picker.updateComplete;
    expect(selectedTab(picker)!.getAttribute('aria-label')).to.equal('Food and drink');
    expect(focused(picker)).to.equal(selectedTab(picker));
    expect(names(picker)[0]).to.equal('grapes');
    await sendKeys({ press: 'End' });
    await picker.updateComplete;
    expect(selectedTab(picker)!.getAttribute('aria-label')).to.equal('Flags');
    expect(tabs(picker).filter((tab) => tab.tabIndex === 0)).to.deep.equal([selectedTab(picker)]);
  });

  it('follows the reading direction with the arrow keys in Arabic', async () => {
    const picker = await mountPicker({ locale: 'ar', messages: ar, dir: 'rtl' });
    tabs(picker)[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' }); // forward in right-to-left
    await picker.updateComplete;
    expect(selectedTab(picker)).to.equal(tabs(picker)[1]);
    cells(picker)[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await picker.updateComplete;
    expect(focused(picker)).to.equal(cells(picker)[1]);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(picker)).to.equal(cells(picker)[0]);
  });

  it('applies the skin tone to emoji that have skins, and reports the choice', async () => {
    const picker = await mountPicker();
    tabs(picker)[1]!.click(); // People and body
    await picker.updateComplete;
    expect(cell(picker, 'waving hand')!.textContent!.trim()).to.equal('👋');
    const select = root(picker).querySelector('select')!;
    expect(select.getAttribute('aria-label')).to.equal('Skin tone');
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Default',
      'Light',
      'Medium-light',
      'Medium',
      'Medium-dark',
      'Dark',
    ]);
    select.value = '3';
    setTimeout(() => select.dispatchEvent(new Event('change')));
    const change = await oneEvent(picker, EmojiToneChangeEvent.type);
    expect((change as unknown as EmojiToneChangeEvent).tone).to.equal(3);
    await picker.updateComplete;
    expect(cell(picker, 'waving hand')!.textContent!.trim()).to.equal('👋🏽');
    // Multi-person emoji take the tone for everyone in them.
    expect(cell(picker, 'people holding hands')!.textContent!.trim()).to.equal('🧑🏽‍🤝‍🧑🏽');
    // Emoji without skins stay as they are, and a pick carries the toned emoji.
    tabs(picker)[0]!.click();
    await picker.updateComplete;
    expect(cell(picker, 'grinning face')!.textContent!.trim()).to.equal('😀');
    tabs(picker)[1]!.click();
    await picker.updateComplete;
    setTimeout(() => cell(picker, 'thumbs up')!.click());
    const pick = (await oneEvent(picker, EmojiPickEvent.type)) as unknown as EmojiPickEvent;
    expect(pick.unicode).to.equal('👍🏽');
    expect(pick.emoji.annotation).to.equal('thumbs up');
  });

  it('shows the recently used emoji first, newest first, with the tone applied', async () => {
    const picker = await mountPicker({ recent: ['🐵', '👋', 'not an emoji'], tone: 5 });
    expect(tabs(picker)[0]!.getAttribute('aria-label')).to.equal('Recently used');
    expect(selectedTab(picker)).to.equal(tabs(picker)[0]);
    expect(names(picker)).to.deep.equal(['monkey face', 'waving hand']);
    expect(cells(picker)[1]!.textContent!.trim()).to.equal('👋🏿');
  });

  it('moves through the grid with a roving tabindex: arrows, Home/End, Page Up/Down; Enter and Space pick', async () => {
    const picker = await mountPicker();
    const at = () => Number(focused(picker)?.dataset['index']);
    cells(picker)[0]!.focus();
    const press = async (key: string) => {
      const [modifier, main] = key.includes('+') ? key.split('+') : [undefined, key];
      if (modifier) await sendKeys({ down: modifier });
      await sendKeys({ press: main! });
      if (modifier) await sendKeys({ up: modifier });
      await picker.updateComplete;
    };
    await press('ArrowRight');
    expect(at()).to.equal(1);
    await press('ArrowDown');
    expect(at()).to.equal(9);
    await press('End');
    expect(at()).to.equal(15);
    await press('Home');
    expect(at()).to.equal(8);
    await press('ArrowUp');
    expect(at()).to.equal(0);
    await press('ArrowLeft');
    expect(at()).to.equal(0);
    await press('PageDown');
    expect(at()).to.equal(32);
    await press('PageUp');
    expect(at()).to.equal(0);
    await press('Control+End');
    expect(at()).to.equal(cells(picker).length - 1);
    await press('Control+Home');
    expect(at()).to.equal(0);
    expect(cells(picker).filter((c) => c.tabIndex === 0)).to.have.length(1);

    await press('ArrowRight');
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    let pick = (await oneEvent(picker, EmojiPickEvent.type)) as unknown as EmojiPickEvent;
    expect(pick.emoji.annotation).to.equal(names(picker)[1]);
    setTimeout(() => void sendKeys({ press: ' ' }));
    pick = (await oneEvent(picker, EmojiPickEvent.type)) as unknown as EmojiPickEvent;
    expect(pick.emoji.annotation).to.equal(names(picker)[1]);
  });

  it('takes Tab from the search field to the categories, the skin tone and the grid', async () => {
    const picker = await mountPicker();
    picker.focus();
    await picker.updateComplete;
    expect(focused(picker)).to.equal(root(picker).querySelector('input'));
    await sendKeys({ press: 'Tab' });
    expect(focused(picker)).to.equal(selectedTab(picker));
    await sendKeys({ press: 'Tab' });
    expect(focused(picker)).to.equal(root(picker).querySelector('select'));
    await sendKeys({ press: 'Tab' });
    expect(focused(picker)).to.equal(cells(picker)[0]);
  });

  it('picks the first result with Enter in the search field, and Arrow Down enters the grid', async () => {
    const picker = await mountPicker();
    await search(picker, 'grinning face');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(picker)).to.equal(cells(picker)[0]);
    root(picker).querySelector('input')!.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const pick = (await oneEvent(picker, EmojiPickEvent.type)) as unknown as EmojiPickEvent;
    expect(pick.unicode).to.equal('😀');
  });

  it('is accessible: named emoji, labelled grid and controls', async () => {
    const picker = await mountPicker({ recent: ['😀'] });
    expect(cell(picker, 'grinning face')).to.exist;
    await expect(picker).to.be.accessible();
    await search(picker, 'cat');
    await expect(picker).to.be.accessible();
    await search(picker, 'zzzz');
    await expect(picker).to.be.accessible();
  });
});
