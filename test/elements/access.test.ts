import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/index.js';
import type {
  InboxAccess,
  InboxAccessRequestEvent,
  InboxErrorEvent,
  InboxOnboarding,
  InboxOnboardingSkipEvent,
} from '../../src/index.js';
import { allDone, owner } from '../fixtures/access-fixtures.js';
import { accessBackend, type AccessBackend } from '../helpers/access-fetch.js';
import { FIRST_LOAD } from '../helpers/first-load.js';

/** A host page: the gate around an inbox, inside a provider. */
async function page(backend: AccessBackend, attrs: { locale?: string; theme?: string } = {}) {
  const root = await fixture<HTMLElement>(html`
    <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
      <inbox-access
        link-base="https://crm.example.com/admin/"
        locale=${attrs.locale ?? 'en'}
        theme=${attrs.theme ?? 'light'}
      >
        <main id="inbox">
          <h2 tabindex="-1" autofocus>Conversations</h2>
          <inbox-conversation-list no-header style="block-size: 300px"></inbox-conversation-list>
        </main>
      </inbox-access>
    </inbox-provider>
  `);
  const gate = root.querySelector('inbox-access') as InboxAccess;
  const $ = <T extends Element = HTMLElement>(selector: string) =>
    gate.shadowRoot!.querySelector<T>(selector);
  return { root, gate, $ };
}

/** Whether the gate shows its slot (the inbox) rather than a screen of its own. */
const showsInbox = (gate: InboxAccess) => Boolean(gate.shadowRoot?.querySelector('slot'));
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function steps(onboarding: InboxOnboarding) {
  return [...onboarding.shadowRoot!.querySelectorAll<HTMLElement>('li')].map((li) => ({
    li,
    state: text(li.querySelector('[part="step-state"]')),
    link: li.querySelector<HTMLAnchorElement>('[part="step-link"]'),
    skip: li.querySelector<HTMLButtonElement>('[part="skip-button"]'),
  }));
}

describe('<inbox-access>: Request Access', () => {
  it('first "Request Received!", then the "Request Already Sent" pop-up', async () => {
    const backend = accessBackend('none');
    const { gate, $ } = await page(backend);
    await waitUntil(() => $('[part="button"]'), 'the Request Access screen', FIRST_LOAD);

    expect(showsInbox(gate)).to.equal(false);
    expect(text($('h2'))).to.equal('Inbox is in beta');
    expect(text($('[part="button"]'))).to.equal('Request Access');
    await expect(gate).to.be.accessible();

    setTimeout(() => $('[part="button"]')!.click());
    const first = (await oneEvent(gate, 'inbox-access-request')) as InboxAccessRequestEvent;
    expect(first.detail.outcome).to.equal('received');
    await gate.updateComplete;
    const status = $('[part="notice"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(text(status)).to.contain('Request Received!');
    expect($<HTMLDialogElement>('dialog')!.open).to.equal(false);

    $('[part="button"]')!.focus();
    setTimeout(() => $('[part="button"]')!.click());
    const second = (await oneEvent(gate, 'inbox-access-request')) as InboxAccessRequestEvent;
    expect(second.detail.outcome).to.equal('already-sent');
    const dialog = $<HTMLDialogElement>('dialog')!;
    await waitUntil(() => dialog.open, 'the pop-up opens');
    expect(text(dialog.querySelector('h2'))).to.equal('Request Already Sent');
    expect(gate.shadowRoot!.activeElement).to.equal($('[part="dialog-button"]'));
    await expect(gate).to.be.accessible();

    $('[part="dialog-button"]')!.click();
    await waitUntil(() => !dialog.open);
    expect(gate.shadowRoot!.activeElement).to.equal($('[part="button"]'));
    // Nothing but who the user is and their request: every other route would refuse them.
    expect(backend.requests.filter((r) => r !== 'GET /me')).to.deep.equal([
      'POST /inbox-access',
      'POST /inbox-access',
    ]);
  });

  it('a pending request says so, and asking again shows the pop-up', async () => {
    const backend = accessBackend('requested');
    const { gate, $ } = await page(backend);
    await waitUntil(() => $('[part="pending"]'));
    expect(text($('[part="pending"]'))).to.contain('waiting for approval');

    $('[part="button"]')!.click();
    await waitUntil(() => $<HTMLDialogElement>('dialog')?.open);
    expect(showsInbox(gate)).to.equal(false);
  });

  it('notices approval and the inbox starts: spaces, list and realtime', async () => {
    const backend = accessBackend('requested');
    const { gate, $, root } = await page(backend);
    await waitUntil(() => $('[part="button"]'));
    expect(backend.requests.some((r) => r.startsWith('GET /events'))).to.equal(false);

    backend.approve();
    window.dispatchEvent(new Event('online')); // The user is back: it asks again at once.
    await waitUntil(() => showsInbox(gate), 'the inbox appears');
    expect(text(gate.shadowRoot!.querySelector('[role="status"]'))).to.equal(
      'Your access was approved. The inbox is ready.',
    );
    const list = root.querySelector('inbox-conversation-list')!;
    await waitUntil(() => list.shadowRoot?.querySelector('[role="option"]'), 'rows load');
    await waitUntil(() => backend.requests.some((r) => r.startsWith('GET /events')), 'realtime connects');
  });

  it('says why a request failed, and tells the host', async () => {
    const backend = accessBackend('none');
    const fetch = backend.fetch;
    let offline = false;
    backend.fetch = (input, init) =>
      offline && new Request(input, init).method === 'POST'
        ? Promise.reject(new TypeError('Failed to fetch'))
        : fetch(input, init);
    const { gate, $ } = await page(backend);
    await waitUntil(() => $('[part="button"]'));

    offline = true;
    setTimeout(() => $('[part="button"]')!.click());
    const event = (await oneEvent(gate, 'inbox-error')) as InboxErrorEvent;
    expect(event.detail.operation).to.equal('request-access');
    await gate.updateComplete;
    expect(text($('[part="error"]'))).to.equal("Can't reach the inbox server. Check your connection.");
    expect($('[part="error"]')!.getAttribute('role')).to.equal('alert');
    expect(text($('[part="notice"]'))).to.equal('');
  });

  it('shows loading, then an error with a retry that works', async () => {
    const backend = accessBackend('none');
    backend.meMode = 'hold';
    const { gate, $ } = await page(backend);
    await waitUntil(() => $('[part="state"]'));
    expect(text($('[part="state"]'))).to.equal('Loading the inbox…');

    backend.meMode = 'fail';
    backend.releaseMe();
    await waitUntil(() => $('[part="state"].error'));
    expect(text($('[part="state"]'))).to.contain("Couldn't open the inbox.");
    expect(text($('[part="state"]'))).to.contain('The server is down.');
    await expect(gate).to.be.accessible();

    backend.meMode = 'ok';
    $<HTMLButtonElement>('[part="state"] button')!.click();
    await waitUntil(() => $('[part="button"]'), 'the Request Access screen after the retry');
  });

  it('says when the browser is offline', async () => {
    const backend = accessBackend('none');
    const { gate, $ } = await page(backend);
    await waitUntil(() => $('[part="button"]'));
    const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      await gate.updateComplete;
      expect(text($('[part="offline"]'))).to.equal(
        "You're offline. Connect to the internet to request access.",
      );
    } finally {
      Object.defineProperty(navigator, 'onLine', online);
      delete (navigator as { onLine?: boolean }).onLine;
    }
    window.dispatchEvent(new Event('online'));
    await gate.updateComplete;
    expect($('[part="offline"]')).to.equal(null);
  });

  it('right to left in Arabic, dark, and within 320 px', async () => {
    const backend = accessBackend('none');
    const root = await fixture<HTMLElement>(html`
      <div style="inline-size: 320px">
        <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
          <inbox-access locale="ar" theme="dark"></inbox-access>
        </inbox-provider>
      </div>
    `);
    const gate = root.querySelector('inbox-access')!;
    const screen = () => gate.shadowRoot!.querySelector<HTMLElement>('.screen');
    await waitUntil(
      () => text(gate.shadowRoot!.querySelector('[part="button"]')) === 'طلب الوصول',
      'the Arabic screen',
      FIRST_LOAD,
    );
    expect(screen()!.dir).to.equal('rtl');
    expect(screen()!.scrollWidth).to.be.at.most(320);
    expect(getComputedStyle(screen()!).color).to.equal('rgb(232, 235, 240)');
    await expect(gate).to.be.accessible();
  });
});

describe('<inbox-access>: onboarding', () => {
  function asOwner(backend: AccessBackend) {
    backend.access = 'granted';
    backend.granted = owner;
    return backend;
  }

  it('welcomes an owner with the steps: done from real state, linked, optional ones skippable', async () => {
    const backend = asOwner(accessBackend());
    const { gate, $ } = await page(backend);
    await waitUntil(() => $('inbox-onboarding')?.shadowRoot?.querySelector('li'), 'the steps');
    const onboarding = $<InboxOnboarding>('inbox-onboarding')!;
    onboarding.stepLinks = { create_team: 'https://crm.example.com/teams/new' };
    await onboarding.updateComplete;

    expect(showsInbox(gate)).to.equal(false);
    expect(text($('h2'))).to.equal('Welcome to the Inbox');
    expect(text(onboarding.shadowRoot!.querySelector('h3'))).to.equal('Set up your inbox');
    expect(text(onboarding.shadowRoot!.querySelector('[part="progress"]'))).to.equal('3 of 6 steps done');
    const list = steps(onboarding);
    expect(list.map((s) => s.state)).to.deep.equal(['Done', 'Done', 'Done', 'To do', 'To do', 'To do']);
    expect(list.map((s) => text(s.link))).to.deep.equal([
      'Connect SMS, WhatsApp or Telegram',
      'Create a sender profile',
      'Create a team',
      'Invite your agents',
      'Create conversation tags',
      'Add the inbox to your own pages',
    ]);
    // The server's paths under the host's link-base; a host's own link for one step wins.
    expect(list[0]!.link!.href).to.equal('https://crm.example.com/admin/settings/channels');
    expect(list[2]!.link!.href).to.equal('https://crm.example.com/teams/new');
    expect(list[3]!.li.querySelector<HTMLAnchorElement>('[part="help-link"]')!.href).to.equal(
      'https://crm.example.com/admin/help/inbox/invite_agents',
    );
    // Skip only on optional steps still to do.
    expect(list.map((s) => Boolean(s.skip))).to.deep.equal([false, false, false, false, true, true]);
    expect(list[4]!.skip!.getAttribute('aria-label')).to.equal('Skip: Create conversation tags');
    await expect(gate).to.be.accessible();

    setTimeout(() => list[4]!.skip!.click());
    const skipped = (await oneEvent(gate, 'inbox-onboarding-skip')) as InboxOnboardingSkipEvent;
    expect(skipped.detail.step).to.equal('create_tags');
    expect(skipped.detail.onboarding.steps[4]!.state).to.equal('skipped');
    await waitUntil(() => steps(onboarding)[4]!.state === 'Skipped');
    expect(steps(onboarding)[4]!.skip).to.equal(null);
    // Focus stays on that step, and the skip is announced.
    await waitUntil(() => onboarding.shadowRoot!.activeElement === steps(onboarding)[4]!.link);
    expect(text(onboarding.shadowRoot!.querySelector('.visually-hidden[role="status"]'))).to.equal(
      'Skipped: Create conversation tags.',
    );
  });

  it('the welcome screen in Arabic, right to left, within 320 px', async () => {
    const backend = asOwner(accessBackend());
    const root = await fixture<HTMLElement>(html`
      <div style="inline-size: 320px">
        <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
          <inbox-access locale="ar"><p>inbox</p></inbox-access>
        </inbox-provider>
      </div>
    `);
    const gate = root.querySelector('inbox-access')!;
    const onboarding = () => gate.shadowRoot!.querySelector<InboxOnboarding>('inbox-onboarding');
    await waitUntil(() => text(onboarding()?.shadowRoot?.querySelector('[part="skip-button"]')) === 'تخطٍّ');
    expect(text(gate.shadowRoot!.querySelector('h2'))).to.equal('مرحبًا بك في صندوق الوارد');
    expect(text(steps(onboarding()!)[3]!.link)).to.equal('ادعُ وكلاءك');
    const screen = gate.shadowRoot!.querySelector<HTMLElement>('.screen')!;
    expect(screen.dir).to.equal('rtl');
    expect(screen.scrollWidth).to.be.at.most(320);
    expect(onboarding()!.scrollWidth).to.be.at.most(onboarding()!.clientWidth);
    await expect(gate).to.be.accessible();
  });

  it('words a refused skip beside its step', async () => {
    const backend = asOwner(accessBackend());
    backend.skipRefusal = 409;
    const { gate, $ } = await page(backend, { locale: 'es' });
    // The Spanish words load on demand: English stands in until they arrive.
    await waitUntil(
      () => text($('inbox-onboarding')?.shadowRoot?.querySelector('[part="skip-button"]')) === 'Omitir',
    );
    const onboarding = $<InboxOnboarding>('inbox-onboarding')!;

    setTimeout(() => steps(onboarding)[5]!.skip!.click());
    const error = (await oneEvent(gate, 'inbox-error')) as InboxErrorEvent;
    expect(error.detail.operation).to.equal('skip-onboarding-step');
    await waitUntil(() => onboarding.shadowRoot!.querySelector('[part="step-error"]'));
    const message = steps(onboarding)[5]!.li.querySelector('[part="step-error"]')!;
    expect(text(message)).to.equal(
      '«Añade la bandeja de entrada a tus propias páginas» no se puede omitir: la bandeja de entrada lo necesita.',
    );
    expect(message.getAttribute('role')).to.equal('alert');
  });

  it('"Go to the Inbox" shows the inbox and moves focus into it', async () => {
    const backend = asOwner(accessBackend());
    const { gate, $, root } = await page(backend);
    await waitUntil(() => $('[part="button"]'));
    expect(text($('[part="button"]'))).to.equal('Go to the Inbox');

    $('[part="button"]')!.click();
    await waitUntil(() => showsInbox(gate));
    const heading = root.querySelector('main h2')!;
    await waitUntil(() => document.activeElement === heading, 'focus moves to the slotted autofocus element');
  });

  it('stays on the welcome screen when the last step to do is skipped', async () => {
    const backend = asOwner(accessBackend());
    backend.onboarding = allDone();
    backend.onboarding.steps[5]!.state = 'todo';
    backend.onboarding.complete = false;
    const { gate, $ } = await page(backend);
    await waitUntil(() => $('inbox-onboarding')?.shadowRoot?.querySelector('[part="skip-button"]'));
    const onboarding = $<InboxOnboarding>('inbox-onboarding')!;
    onboarding.shadowRoot!.querySelector<HTMLElement>('[part="skip-button"]')!.click();
    await waitUntil(() => backend.onboarding.complete);
    // The screen shows the server's answer: had it meant to let the owner in, it would have by now.
    await waitUntil(() => steps(onboarding)[5]!.state === 'Skipped', 'the step shows skipped');
    expect(showsInbox(gate)).to.equal(false);
  });

  it('an owner whose onboarding is complete goes straight in', async () => {
    const backend = asOwner(accessBackend());
    backend.onboarding = allDone();
    const { gate } = await page(backend);
    await waitUntil(() => showsInbox(gate));
    expect(backend.requests).to.include('GET /onboarding');
  });

  it('an agent never sees onboarding, nor asks for it', async () => {
    const backend = accessBackend('granted');
    const root = await fixture<HTMLElement>(html`
      <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
        <inbox-access><p>inbox</p></inbox-access>
        <inbox-onboarding></inbox-onboarding>
      </inbox-provider>
    `);
    const gate = root.querySelector('inbox-access')!;
    await waitUntil(() => showsInbox(gate));
    await waitUntil(() => backend.requests.some((r) => r.startsWith('GET /teams')), 'the space opens');
    const onboarding = root.querySelector('inbox-onboarding')!;
    await onboarding.updateComplete;
    expect(onboarding.shadowRoot!.childElementCount).to.equal(0);
    expect(backend.requests).not.to.include('GET /onboarding');
  });
});

describe('<inbox-onboarding>', () => {
  it('on its own: the steps, a heading level of the host, links only with a safe protocol', async () => {
    const backend = accessBackend('granted');
    backend.granted = owner;
    const root = await fixture<HTMLElement>(html`
      <inbox-provider base-url="/api" token="t" .fetch=${backend.fetch}>
        <inbox-onboarding heading-level="2" link-base="javascript:alert(1)//"></inbox-onboarding>
      </inbox-provider>
    `);
    const onboarding = root.querySelector('inbox-onboarding')!;
    await waitUntil(() => onboarding.shadowRoot!.querySelector('li'));
    expect(text(onboarding.shadowRoot!.querySelector('h2'))).to.equal('Set up your inbox');
    expect(onboarding.shadowRoot!.querySelectorAll('a')).to.have.length(0);
    expect(text(onboarding.shadowRoot!.querySelector('[part="step-title"]'))).to.equal(
      'Connect SMS, WhatsApp or Telegram',
    );
    await expect(onboarding).to.be.accessible();
  });
});
