// What a page must never do, read from the browser itself: Content Security Policy and Trusted
// Types violations (the browser's own reports, from every frame and shadow root), dialogs,
// navigations away, and markup or script made out of people's text.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

type GuardedWindow = Window & { __policyViolations?: string[]; __pwned?: unknown };

export interface PageWatch {
  /** `alert`, `confirm`, `prompt` or `beforeunload` dialogs the page opened. */
  dialogs: string[];
  /** Main-frame navigations to another document than the one first opened. */
  navigations: string[];
  /** Console messages, at any level, about the policy. */
  policyConsole: string[];
}

/**
 * Call before the page navigates. Every frame records `securitypolicyviolation` events from its
 * first script on: the event is composed, so a capturing listener on the document hears those
 * raised inside shadow roots too.
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { dialogs: [], navigations: [], policyConsole: [] };
  await page.addInitScript(() => {
    const target = window as GuardedWindow;
    target.__policyViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (event) =>
        target.__policyViolations!.push(
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}: ${event.sample}`,
        ),
      true,
    );
  });
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  let first: string | undefined;
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    const url = new URL(frame.url());
    const documentUrl = `${url.origin}${url.pathname}`;
    first ??= documentUrl;
    if (documentUrl !== first) watch.navigations.push(frame.url());
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy|Trusted.?Type/i.test(message.text()))
      watch.policyConsole.push(`${message.type()}: ${message.text()}`);
  });
  return watch;
}

/** Every violation any frame of the page has reported so far, with the console's own words. */
export async function policyViolations(page: Page, watch: PageWatch): Promise<string[]> {
  const reported: string[] = [];
  for (const frame of page.frames()) {
    const list = await frame
      .evaluate(() => (window as GuardedWindow).__policyViolations ?? [])
      .catch(() => [] as string[]);
    reported.push(...list.map((v) => `${frame.url()}: ${v}`));
  }
  return [...reported, ...watch.policyConsole];
}

/**
 * The page's policy, from the response header or the meta tag (either is the host's choice), so a
 * test can check it is the strict one before trusting "no violation".
 */
export async function activePolicy(page: Page): Promise<string> {
  const response = await page.request.get(page.url());
  const header = response.headers()['content-security-policy'] ?? '';
  const meta = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .evaluateAll((metas) => metas.map((m) => m.getAttribute('content') ?? ''));
  return [header, ...meta].filter(Boolean).join('; ');
}

/**
 * Elements, handlers and script URLs anywhere in the page's shadow roots that people's text could
 * have made, and whether any payload's `window.__pwned = …` ran.
 */
export function injectedMarkup(page: Page): Promise<{ found: string[]; pwned: unknown }> {
  return page.evaluate(() => {
    // A loop, not a named helper: tsx's function naming does not exist inside the page.
    const found: string[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    while (roots.length) {
      const root = roots.pop()!;
      for (const el of root.querySelectorAll('*')) {
        const host = root === document ? '' : `${(root as ShadowRoot).host.localName} `;
        // The page's own head holds its scripts and meta tags; nothing else may.
        const never = ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FRAME', 'FRAMESET', 'BASE', 'META', 'LINK'];
        if (
          [...never, 'STYLE', 'MARQUEE', 'DETAILS', 'MATH', 'IMAGE'].includes(el.tagName.toUpperCase()) &&
          !el.closest('head')
        )
          found.push(`${host}<${el.tagName}>`);
        for (const attr of el.attributes) {
          if (attr.name.startsWith('on')) found.push(`${host}${el.tagName} ${attr.name}`);
          // Text in aria-label, title or alt is inert; a URL is where script would hide.
          const url = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc', 'srcset'];
          if (url.includes(attr.name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(attr.value))
            found.push(`${host}${el.tagName} ${attr.name}=${attr.value.slice(0, 80)}`);
        }
        if (el.shadowRoot) roots.push(el.shadowRoot);
      }
    }
    return { found, pwned: (window as GuardedWindow).__pwned ?? null };
  });
}

/**
 * Text as the user reads it, to compare with what was typed: formatting markers a message may use
 * (`*bold*`, `_italic_`, `~strike~`, backticks) and the bidi isolates we add around names are not
 * characters the person typed to be seen, and runs of white space count as one.
 */
export const readable = (text: string): string =>
  text
    .replace(/[*_~`\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Nothing was made of the text: no markup, no script run, no dialog, no navigation, no violation. */
export async function assertInert(page: Page, watch: PageWatch, what: string): Promise<void> {
  const { found, pwned } = await injectedMarkup(page);
  assert.deepEqual(found, [], `${what}: no element or attribute made of the text`);
  assert.equal(pwned, null, `${what}: no script ran`);
  assert.deepEqual(watch.dialogs, [], `${what}: no dialog`);
  assert.deepEqual(watch.navigations, [], `${what}: no navigation`);
  assert.deepEqual(await policyViolations(page, watch), [], `${what}: no policy violation`);
}

export const textsOf = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((el) => el.textContent ?? ''));

/**
 * Scrolls the virtual log from the newest item to the oldest, checking every rendered slice, and
 * returns the readable text of every `selector` seen on the way (callers assert that all they
 * expected was seen, so stopping early fails rather than passes).
 */
export async function readWholeLog(page: Page, watch: PageWatch, selector: string): Promise<Set<string>> {
  const log = page.locator('inbox-timeline [part="log"]');
  // The log opens at its newest row and corrects its place over a few frames as it measures rows:
  // scrolling it meanwhile races that correction. Start once it has been still for 5 looks.
  await page.locator('inbox-timeline .row[data-kind="entry"]').first().waitFor();
  for (let look = 0, still = 0, last = ''; still < 5; look++) {
    assert.ok(look < 400, 'the timeline settles at its newest row');
    await page.waitForTimeout(50);
    const now = await log.evaluate((el) => `${el.scrollTop} ${el.scrollHeight}`);
    still = now === last ? still + 1 : 0;
    last = now;
  }
  const seen = new Set<string>();
  // Up to the top, and on until "the beginning" shows there: a slow older page keeps it going.
  for (let step = 0, atBeginning = 0; atBeginning < 3; step++) {
    assert.ok(step < 4000, 'the log reaches the beginning of the conversation');
    for (const text of await textsOf(page, `inbox-timeline ${selector}`)) seen.add(readable(text));
    await assertInert(page, watch, `timeline, step ${step}`);
    const beginning = await log.evaluate((el) => {
      el.scrollTop = Math.max(0, el.scrollTop - el.clientHeight / 2);
      return el.scrollTop === 0 && el.querySelector('.beginning') !== null;
    });
    // Pacing, not an assertion: the log renders and loads older pages as it nears the top.
    await page.waitForTimeout(50);
    atBeginning = beginning ? atBeginning + 1 : 0;
  }
  return seen;
}

/** The expected texts not found, readably, in anything seen. */
export const missing = (expected: string[], seen: Set<string>) =>
  expected.filter((text) => readable(text) && ![...seen].some((s) => s.includes(readable(text))));
