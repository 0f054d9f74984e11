import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  chooseFiles,
  field,
  mountComposer,
  part,
  partText,
  SMS,
  TELEGRAM,
  typeInto,
  WHATSAPP,
  writesTo,
} from '../helpers/composer-harness.js';

const png = (name = 'receipt.png', bytes = 2048) =>
  new File([new Uint8Array(bytes)], name, { type: 'image/png' });

describe('<inbox-composer> channels', () => {
  beforeEach(() => localStorage.clear());

  it('counts SMS length and parts: GSM 160 is one part, 161 two; Unicode 70 is one', async () => {
    const { composer } = await mountComposer({ select: SMS });
    await typeInto(composer, 'a'.repeat(160));
    expect(partText(composer, 'counter')).to.equal('160 / 160 · 1 SMS');
    await typeInto(composer, 'a'.repeat(161));
    expect(partText(composer, 'counter')).to.equal('161 / 306 · 2 SMS');
    await typeInto(composer, 'ж'.repeat(70));
    expect(partText(composer, 'counter')).to.equal('Unicode · 70 / 70 · 1 SMS');
    await typeInto(composer, 'ж'.repeat(71));
    expect(partText(composer, 'counter')).to.equal('Unicode · 71 / 134 · 2 SMS');
  });

  it('offers no attachments on SMS, and does on WhatsApp and Telegram', async () => {
    const { composer, select } = await mountComposer({ select: SMS });
    expect(part(composer, 'attach-button')).to.equal(null);
    await select(WHATSAPP);
    expect(part(composer, 'attach-button')!.getAttribute('aria-label')).to.equal('Attach a file');
    expect(composer.shadowRoot!.querySelector('input[type="file"]')!.getAttribute('accept')).to.equal(
      'image/jpeg,image/png,application/pdf',
    );
    expect(partText(composer, 'counter')).to.equal(''); // no SMS counter off SMS
    await select(TELEGRAM);
    expect(part(composer, 'attach-button')).to.not.equal(null);
  });

  it('uploads a chosen file, shows it as a chip and sends it with the message', async () => {
    const { composer, backend } = await mountComposer();
    chooseFiles(composer, [png()]);
    await waitUntil(() => part(composer, 'attachment-chip')?.dataset['state'] === 'ready', 'not uploaded');
    expect(partText(composer, 'attachment-chip')).to.contain('receipt.png');
    expect(part(composer, 'attachment-remove')!.getAttribute('aria-label')).to.equal('Remove receipt.png');
    await expect(composer).to.be.accessible();
    // A file alone may be sent.
    part<HTMLButtonElement>(composer, 'send-button')!.click();
    await waitUntil(() => writesTo(backend, /messages$/).length === 1, 'not sent');
    expect(writesTo(backend, /messages$/)[0]!.body).to.deep.equal({ text: '', attachmentIds: ['att-1'] });
    await waitUntil(() => !part(composer, 'attachment-chip'), 'chip stayed after sending');
  });

  it('refuses a disallowed or too large file with a readable reason, without uploading it', async () => {
    const { composer, backend } = await mountComposer();
    chooseFiles(composer, [new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' })]);
    await composer.updateComplete;
    expect(part(composer, 'error')!.getAttribute('role')).to.equal('alert');
    expect(partText(composer, 'error')).to.equal(
      "setup.exe: WhatsApp doesn't take .exe files. It takes JPEG, PNG, and PDF.",
    );
    chooseFiles(composer, [png('huge.png', 17 * 1024 * 1024)]);
    await composer.updateComplete;
    expect(partText(composer, 'error')).to.equal('huge.png: That file is 17 MB; WhatsApp takes up to 16 MB.');
    expect(writesTo(backend, /attachments/)).to.have.length(0);
    expect(part(composer, 'attachment-chip')).to.equal(null);
  });

  it('disables send and says why when the text is over the channel limit', async () => {
    const { composer, backend } = await mountComposer();
    await typeInto(composer, 'x'.repeat(4097));
    const send = part<HTMLButtonElement>(composer, 'send-button')!;
    expect(send.disabled).to.be.true;
    expect(part(composer, 'limit')!.getAttribute('aria-live')).to.equal('polite');
    expect(partText(composer, 'limit')).to.equal(
      'That message is 4097 characters; WhatsApp takes up to 4096.',
    );
    expect(partText(composer, 'counter')).to.equal('4097 / 4096');
    field(composer).focus();
    await sendKeys({ press: 'Enter' });
    expect(backend.writes).to.have.length(0);
    await typeInto(composer, 'x'.repeat(4096));
    expect(send.disabled).to.be.false;
    expect(partText(composer, 'limit')).to.equal('');
  });
});
