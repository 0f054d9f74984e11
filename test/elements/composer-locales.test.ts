import { expect } from '@open-wc/testing';
import { loadLocale } from '../../src/i18n/index.js';
import { chooseFiles, mountComposer, partText, typeInto } from '../helpers/composer-harness.js';

/** Words that would give away an English sentence in another language's UI. */
const ENGLISH = /\b(the|that|this|file|files|message|takes|limit|can't|doesn't|characters|up to|try)\b/i;

describe('<inbox-composer> in Spanish and Arabic', () => {
  beforeEach(() => localStorage.clear());

  for (const locale of ['es', 'ar']) {
    it(`words its limit and its refusals in ${locale}, with no English`, async () => {
      await loadLocale(locale);
      const { composer } = await mountComposer({ attributes: { locale } });
      await typeInto(composer, 'x'.repeat(4097));
      const limit = partText(composer, 'limit');
      expect(limit).to.not.equal('');
      expect(limit).to.not.match(ENGLISH);

      chooseFiles(composer, [new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' })]);
      await composer.updateComplete;
      const refusal = partText(composer, 'error').replace('setup.exe', '');
      expect(refusal.length).to.be.greaterThan(10);
      expect(refusal).to.not.match(ENGLISH);
      expect(partText(composer, 'note-hint') || partText(composer, 'sender-profile')).to.not.match(ENGLISH);
    });
  }
});
