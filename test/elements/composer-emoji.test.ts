import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { InboxEmojiPicker } from '../../src/emoji/emoji-picker.js';
import type { InboxComposer } from '../../src/index.js';
import { field, mountComposer, part, type Harness } from '../helpers/composer-harness.js';
import { FIRST_LOAD } from '../helpers/first-load.js';

/** Where the test runner serves the data the library ships (see web-test-runner.config.mjs). */
const DATA = '/emoji/{locale}.json';

const picker = (composer: InboxComposer) =>
  composer.shadowRoot!.querySelector<InboxEmojiPicker>('inbox-emoji-picker');
const pickerRoot = (composer: InboxComposer) => picker(composer)!.shadowRoot!;
const emojiButton = (composer: InboxComposer) => part<HTMLButtonElement>(composer, 'emoji-button')!;
const cellNamed = (composer: InboxComposer, name: string) =>
  pickerRoot(composer).querySelector<HTMLButtonElement>(`[role="gridcell"] button[aria-label="${name}"]`);
const tabNamed = (composer: InboxComposer, name: string) =>
  pickerRoot(composer).querySelector<HTMLButtonElement>(`[role="tab"][aria-label="${name}"]`);

async function openPicker(composer: InboxComposer): Promise<InboxEmojiPicker> {
  emojiButton(composer).click();
  await waitUntil(
    () => picker(composer)?.shadowRoot?.querySelector('[role="gridcell"]'),
    'picker not shown',
    FIRST_LOAD,
  );
  await picker(composer)!.updateComplete;
  return picker(composer)!;
}

/** Where the element's centre is on the page, for a real mouse. */
function centre(element: Element): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}

async function mount(options: Parameters<typeof mountComposer>[0] = {}): Promise<Harness> {
  const harness = await mountComposer({
    roomAbove: true,
    ...options,
    attributes: { 'emoji-data-url': DATA, ...options.attributes },
  });
  return harness;
}

describe('<inbox-composer> emoji', () => {
  beforeEach(() => localStorage.clear());

  it('loads the picker on the first press, in a labelled dialog, with focus in its search field', async () => {
    const { composer } = await mount();
    expect(emojiButton(composer).getAttribute('aria-haspopup')).to.equal('dialog');
    expect(customElements.get('inbox-emoji-picker')).to.equal(undefined, 'not loaded before it is needed');
    await openPicker(composer);
    const popup = part(composer, 'emoji-popup')!;
    expect(popup.getAttribute('role')).to.equal('dialog');
    expect(popup.getAttribute('aria-label')).to.equal('Emoji');
    expect(emojiButton(composer).getAttribute('aria-expanded')).to.equal('true');
    expect(pickerRoot(composer).activeElement).to.equal(pickerRoot(composer).querySelector('input'));
    await expect(composer).to.be.accessible();
  });

  it('searches, inserts the pick at the caret, returns focus to the field and lists it first next time', async () => {
    const { composer } = await mount();
    field(composer).value = 'Thanks!';
    field(composer).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    field(composer).setSelectionRange(6, 6);
    await openPicker(composer);
    await sendKeys({ type: 'grin' });
    await picker(composer)!.updateComplete;
    cellNamed(composer, 'grinning face')!.click();
    await waitUntil(() => field(composer).value === 'Thanks😀!', 'emoji not inserted at the caret');
    expect(part(composer, 'emoji-popup')).to.equal(null);
    expect(composer.shadowRoot!.activeElement).to.equal(field(composer));
    expect(field(composer).selectionStart).to.equal('Thanks😀'.length);

    await openPicker(composer);
    const first = pickerRoot(composer).querySelector('[role="tab"]')!;
    expect(first.getAttribute('aria-label')).to.equal('Recently used');
    expect(first.getAttribute('aria-selected')).to.equal('true');
    expect(
      pickerRoot(composer).querySelector('[role="gridcell"] button')!.getAttribute('aria-label'),
    ).to.equal('grinning face');

    tabNamed(composer, 'Animals and nature')!.click();
    await picker(composer)!.updateComplete;
    cellNamed(composer, 'monkey face')!.click();
    await openPicker(composer);
    const recent = [...pickerRoot(composer).querySelectorAll('[role="gridcell"] button')];
    expect(recent.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['monkey face', 'grinning face']);
  });

  it('closes with Escape and gives focus back to the emoji button', async () => {
    const { composer } = await mount();
    await openPicker(composer);
    await sendKeys({ press: 'Tab' }); // somewhere inside the picker: the category tabs
    await sendKeys({ press: 'Escape' });
    await composer.updateComplete;
    expect(part(composer, 'emoji-popup')).to.equal(null);
    expect(composer.shadowRoot!.activeElement).to.equal(emojiButton(composer));
    expect(emojiButton(composer).getAttribute('aria-expanded')).to.equal('false');
  });

  it('remembers the skin tone for the next opening and the next visit', async () => {
    const { composer, backend } = await mount();
    await openPicker(composer);
    const select = pickerRoot(composer).querySelector('select')!;
    select.value = '2';
    select.dispatchEvent(new Event('change'));
    await sendKeys({ press: 'Escape' });
    await openPicker(composer);
    expect(pickerRoot(composer).querySelector('select')!.value).to.equal('2');
    tabNamed(composer, 'People and body')!.click();
    await picker(composer)!.updateComplete;
    expect(cellNamed(composer, 'waving hand')!.textContent!.trim()).to.equal('👋🏼');

    // A new page: a new store reading the same browser storage.
    const again = await mount({ backend });
    await openPicker(again.composer);
    expect(pickerRoot(again.composer).querySelector('select')!.value).to.equal('2');
  });

  it("names emoji in the composer's locale", async () => {
    const { composer } = await mount({ attributes: { locale: 'es' } });
    await openPicker(composer);
    expect(
      pickerRoot(composer).querySelector('[role="gridcell"] button')!.getAttribute('aria-label'),
    ).to.equal('cara sonriendo');
    expect(pickerRoot(composer).querySelector('input')!.getAttribute('aria-label')).to.equal('Buscar emojis');
    await sendKeys({ type: 'corazon' });
    await picker(composer)!.updateComplete;
    expect(cellNamed(composer, 'corazón rojo')).to.exist;
  });

  it('says so when the emoji data cannot be loaded', async () => {
    const { composer } = await mount({ attributes: { 'emoji-data-url': '/missing/{locale}.json' } });
    emojiButton(composer).click();
    await waitUntil(
      () => part(composer, 'emoji-popup')?.querySelector('[role="alert"]'),
      'no error shown',
      FIRST_LOAD,
    );
    expect(part(composer, 'emoji-popup')!.textContent!.trim()).to.equal("Couldn't load emoji.");
  });

  for (const closedShadowRoot of [false, true]) {
    it(`stays open for a press inside and closes for one outside${closedShadowRoot ? ', inside a closed shadow root' : ''}`, async () => {
      const { composer } = await mount({ closedShadowRoot });
      await openPicker(composer);
      // A real mouse: the press inside lands in the picker's own shadow root.
      await sendMouse({ type: 'click', position: centre(tabNamed(composer, 'Food and drink')!) });
      await picker(composer)?.updateComplete;
      expect(part(composer, 'emoji-popup'), 'closed by a press inside').not.to.equal(null);
      expect(tabNamed(composer, 'Food and drink')!.getAttribute('aria-selected')).to.equal('true');
      await sendMouse({ type: 'click', position: centre(cellNamed(composer, 'grapes')!) });
      await waitUntil(() => field(composer).value.includes('🍇'), 'a click on an emoji did not insert it');

      await openPicker(composer);
      await sendMouse({ type: 'click', position: [5, 5] });
      await composer.updateComplete;
      expect(part(composer, 'emoji-popup'), 'open after a press outside').to.equal(null);
    });
  }
});
