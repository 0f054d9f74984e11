import { expect } from '@open-wc/testing';
import type { ChannelCapabilities } from '../../src/api/index.js';
import { describeClientProblem } from '../../src/i18n/describe-error.js';
import { loadLocale, resolveLocale } from '../../src/i18n/index.js';
import {
  checkAttachment,
  checkText,
  smsSegments,
  textLimit,
  type ChannelProblem,
} from '../../src/stores/index.js';

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
  // The rules give codes; the i18n layer words them (in English here, and in every locale).
  const words = (problem: ChannelProblem | null) =>
    problem && describeClientProblem(problem, resolveLocale('en'));

  it('explains why a file cannot go', () => {
    const photo = { name: 'photo.jpg', size: 2 * MB, type: 'image/jpeg' };
    expect(checkAttachment(photo, channel({}))).to.equal(null);
    expect(checkAttachment(photo, sms)).to.deep.equal({ code: 'attachments-not-allowed', channel: 'sms' });
    expect(words(checkAttachment(photo, sms))).to.equal("SMS messages can't carry attachments.");
    expect(words(checkAttachment({ ...photo, size: 20 * MB }, channel({})))).to.equal(
      'That file is 20 MB; WhatsApp takes up to 16 MB.',
    );
    expect(
      words(checkAttachment({ name: 'logo.SVG', size: 100, type: 'image/svg+xml' }, channel({}))),
    ).to.equal("WhatsApp doesn't take .svg files. It takes JPEG, PNG, and PDF.");
    expect(words(checkAttachment({ ...photo, size: 0 }, channel({})))).to.equal('That file is empty.');
    const anyImage = channel({ attachments: { allowed: true, contentTypes: ['image/*'], maxBytes: MB } });
    expect(checkAttachment({ name: 'a.gif', size: 10, type: 'image/gif' }, anyImage)).to.equal(null);
    expect(words(checkAttachment({ name: 'a.txt', size: 10, type: 'text/plain' }, anyImage))).to.equal(
      "WhatsApp doesn't take .txt files. It takes images.",
    );
  });

  it('gives the text limit and refuses text past it or past the SMS parts', () => {
    expect(textLimit(sms)).to.equal(1600);
    expect(checkText('hi', sms)).to.equal(null);
    expect(checkText('ж'.repeat(700), sms)).to.deep.equal({ code: 'too-many-sms-parts', parts: 11, max: 10 });
    expect(words(checkText('ж'.repeat(700), sms))).to.equal(
      'That message needs 11 SMS parts; the limit is 10.',
    );
    expect(words(checkText('a'.repeat(4097), channel({})))).to.equal(
      'That message is 4097 characters; WhatsApp takes up to 4096.',
    );
  });

  it('are worded in Spanish and Arabic without a word of English', async () => {
    const problems = [
      checkAttachment({ name: 'photo.jpg', size: 1, type: 'image/jpeg' }, sms),
      checkAttachment({ name: 'logo.svg', size: 100, type: 'image/svg+xml' }, channel({})),
      checkAttachment({ name: 'big.jpg', size: 20 * MB, type: 'image/jpeg' }, channel({})),
      checkText('ж'.repeat(700), sms),
      checkText('a'.repeat(4097), channel({})),
    ];
    for (const locale of ['es', 'ar']) {
      const english = problems.map((p) => describeClientProblem(p!, resolveLocale('en')));
      for (const [index, problem] of problems.entries()) {
        const text = describeClientProblem(problem!, await loadLocale(locale));
        expect(text, locale).to.not.equal(english[index]);
        expect(text, `${locale}: ${text}`).to.not.match(/\b(the|that|file|message|takes|limit|can't)\b/i);
      }
    }
  });
});
