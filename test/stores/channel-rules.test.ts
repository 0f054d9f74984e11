import { expect } from '@open-wc/testing';
import type { ChannelCapabilities } from '../../src/api/index.js';
import { checkAttachment, checkText, smsSegments, textLimit } from '../../src/stores/index.js';

const MB = 1024 * 1024;
const MEDIA = ['image/jpeg', 'image/png', 'application/pdf'];
const channel = (overrides: Partial<ChannelCapabilities>): ChannelCapabilities => ({
  channel: 'whatsapp',
  label: 'WhatsApp',
  attachments: { allowed: true, contentTypes: MEDIA, maxBytes: 16 * MB },
  maxTextLength: 4096,
  maxSmsSegments: null,
  receipts: ['sent', 'delivered', 'read'],
  startByPhone: true,
  ...overrides,
});
const sms = channel({
  channel: 'sms',
  label: 'SMS',
  attachments: { allowed: false, contentTypes: [], maxBytes: 0 },
  maxTextLength: 1600,
  maxSmsSegments: 10,
});

describe('smsSegments', () => {
  const cases: [string, string, ReturnType<typeof smsSegments>][] = [
    ['empty', '', { encoding: 'GSM-7', segments: 0, charactersLeftInSegment: 160 }],
    ['160 GSM-7', 'a'.repeat(160), { encoding: 'GSM-7', segments: 1, charactersLeftInSegment: 0 }],
    ['161 GSM-7', 'a'.repeat(161), { encoding: 'GSM-7', segments: 2, charactersLeftInSegment: 145 }],
    ['306 GSM-7', 'a'.repeat(306), { encoding: 'GSM-7', segments: 2, charactersLeftInSegment: 0 }],
    ['307 GSM-7', 'a'.repeat(307), { encoding: 'GSM-7', segments: 3, charactersLeftInSegment: 152 }],
    [
      'basic table accents',
      'Ça coûte £5 à Zürich?',
      { encoding: 'UCS-2', segments: 1, charactersLeftInSegment: 49 },
    ],
    [
      'GSM accents',
      'Ça va à Zürich? £5 ¥3 §ñ',
      { encoding: 'GSM-7', segments: 1, charactersLeftInSegment: 136 },
    ],
    ['€ counts two', '€'.repeat(80), { encoding: 'GSM-7', segments: 1, charactersLeftInSegment: 0 }],
    [
      '81 € (a pair never splits)',
      '€'.repeat(81),
      { encoding: 'GSM-7', segments: 2, charactersLeftInSegment: 143 },
    ],
    [
      'extension never split',
      `${'a'.repeat(152)}{`,
      { encoding: 'GSM-7', segments: 1, charactersLeftInSegment: 6 },
    ],
    ['split escape', `${'a'.repeat(160)}{`, { encoding: 'GSM-7', segments: 2, charactersLeftInSegment: 144 }],
    ['70 UCS-2', 'ж'.repeat(70), { encoding: 'UCS-2', segments: 1, charactersLeftInSegment: 0 }],
    ['71 UCS-2', 'ж'.repeat(71), { encoding: 'UCS-2', segments: 2, charactersLeftInSegment: 63 }],
    ['35 emoji', '😀'.repeat(35), { encoding: 'UCS-2', segments: 1, charactersLeftInSegment: 0 }],
    [
      '36 emoji, pairs never split',
      '😀'.repeat(36),
      { encoding: 'UCS-2', segments: 2, charactersLeftInSegment: 61 },
    ],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => expect(smsSegments(text)).to.deep.equal(expected));
  }
});

describe('checkAttachment, checkText and textLimit', () => {
  it('explains why a file cannot go, in words', () => {
    const photo = { name: 'photo.jpg', size: 2 * MB, type: 'image/jpeg' };
    expect(checkAttachment(photo, channel({}))).to.equal(null);
    expect(checkAttachment(photo, sms)).to.equal("SMS messages can't carry attachments.");
    expect(checkAttachment({ ...photo, size: 20 * MB }, channel({}))).to.equal(
      'That file is 20 MB; WhatsApp takes up to 16 MB.',
    );
    expect(checkAttachment({ name: 'logo.SVG', size: 100, type: 'image/svg+xml' }, channel({}))).to.equal(
      "WhatsApp doesn't take .svg files. It takes JPEG, PNG and PDF.",
    );
    expect(checkAttachment({ ...photo, size: 0 }, channel({}))).to.equal('That file is empty.');
    const anyImage = channel({ attachments: { allowed: true, contentTypes: ['image/*'], maxBytes: MB } });
    expect(checkAttachment({ name: 'a.gif', size: 10, type: 'image/gif' }, anyImage)).to.equal(null);
  });

  it('gives the text limit and refuses text past it or past the SMS parts', () => {
    expect(textLimit(sms)).to.equal(1600);
    expect(checkText('hi', sms)).to.equal(null);
    expect(checkText('ж'.repeat(700), sms)).to.equal('That message needs 11 SMS parts; the limit is 10.');
    expect(checkText('a'.repeat(4097), channel({}))).to.equal(
      'That message is 4097 characters; WhatsApp takes up to 4096.',
    );
  });
});
