import { expect, fixture, html } from '@open-wc/testing';
import { parseRichText, richText } from '../../src/elements/timeline/rich-text.js';

const render = (text: string) => fixture<HTMLElement>(html`<p>${richText(text)}</p>`);

describe('rich text', () => {
  it('formats WhatsApp-style bold, italic, strike and code', () => {
    expect(parseRichText('Hi *there* _you_ ~old~ `x = 1`')).to.deep.equal([
      { type: 'text', text: 'Hi ' },
      { type: 'bold', children: [{ type: 'text', text: 'there' }] },
      { type: 'text', text: ' ' },
      { type: 'italic', children: [{ type: 'text', text: 'you' }] },
      { type: 'text', text: ' ' },
      { type: 'strike', children: [{ type: 'text', text: 'old' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'x = 1' },
    ]);
  });

  it('leaves markers that do not pair as they were', () => {
    expect(parseRichText('2 * 3 * 4 and snake_case_name and *unclosed')).to.deep.equal([
      { type: 'text', text: '2 * 3 * 4 and snake_case_name and *unclosed' },
    ]);
  });

  it('nests formatting and keeps code blocks verbatim', async () => {
    const el = await render('*bold _and italic_*\n```\n*not bold* <b>\n```');
    expect(el.querySelector('strong em')?.textContent).to.equal('and italic');
    expect(el.querySelector('pre code')?.textContent).to.equal('*not bold* <b>\n');
    expect(el.querySelector('b')).to.equal(null);
  });

  it('turns http, https, mailto and tel into safe links, and nothing else', async () => {
    const el = await render(
      'See https://example.com/track?id=1. Mail mailto:help@example.com or call tel:+44-20-7946-0000, not javascript:alert(1) or data:text/html,x',
    );
    const anchors = [...el.querySelectorAll('a')];
    expect(anchors.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://example.com/track?id=1',
      'mailto:help@example.com',
      'tel:+44-20-7946-0000',
    ]);
    expect(anchors.every((a) => a.rel === 'noopener noreferrer' && a.target === '_blank')).to.be.true;
    expect(el.textContent).to.contain('javascript:alert(1)');
  });

  it('renders markup in a message as text', async () => {
    const payload =
      '<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">x</a>';
    const el = await render(payload);
    expect(el.textContent).to.equal(payload);
    expect(el.querySelector('img, script, a')).to.equal(null);
  });
});
