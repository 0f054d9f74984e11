import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/index.js';
import { loadLocale, resolveLocale, supportedLocales } from '../../src/i18n/index.js';
import type { InboxComposer } from '../../src/index.js';
import { FIRST_LOAD } from '../helpers/first-load.js';

describe('locales', () => {
  it('build English in and load the others on first use', async () => {
    expect(supportedLocales).to.deep.equal(['en', 'es', 'ar']);
    expect(resolveLocale('en-GB')).to.include({ locale: 'en-GB', dir: 'ltr', complete: true });
    // Not loaded yet: English stands in, and the direction is already right.
    const waiting = resolveLocale('ar-EG');
    expect(waiting).to.include({ dir: 'rtl', complete: false });
    expect(waiting.messages.conversationsLabel).to.equal('Conversations');
    const arabic = await loadLocale('ar-EG');
    expect(arabic.complete).to.equal(true);
    expect(arabic.messages.conversationsLabel).to.equal('المحادثات');
    // A language we have no catalogue for is English, complete.
    expect(resolveLocale('fr')).to.include({ complete: true, dir: 'ltr' });
  });

  it('re-render an element in its language once the catalogue arrives', async () => {
    const composer = await fixture<InboxComposer>(html`<inbox-composer locale="es"></inbox-composer>`);
    await waitUntil(
      () => composer.shadowRoot?.querySelector('[role="tab"]')?.textContent?.trim() === 'Perfil de remitente',
      'the Spanish catalogue never arrived',
      FIRST_LOAD,
    );
  });
});
