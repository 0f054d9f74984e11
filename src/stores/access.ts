import { atom, type ReadableAtom } from 'nanostores';
import type { InboxClient } from '../api/client.js';
import { unwrap } from '../api/middleware.js';
import type { InboxAccess, InboxAccessState } from '../api/types.js';
import type { Timers } from './context.js';
import { createOnboardingStore, type OnboardingStore } from './onboarding.js';
import { settle, type Result } from './result.js';
import type { InboxPart } from './inbox-store.js';
import { documentIsVisible, pageReturns, type PageEventSource } from './page-events.js';
import type { SessionStore } from './session.js';

/**
 * What Request Access came to: `received` the first time ("Request Received!"), `already-sent`
 * while that request still waits ("Request Already Sent"), `granted` when the user had the inbox.
 */
export type AccessRequestOutcome = 'received' | 'already-sent' | 'granted';

export interface AccessStore {
  /**
   * The signed-in user's inbox (a beta): `none`, `requested` or `granted`; undefined until `/me`
   * answers. A backend that does not say means `granted`.
   */
  $access: ReadableAtom<InboxAccessState | undefined>;
  /** True while Request Access is on its way. */
  $requesting: ReadableAtom<boolean>;
  /** Request Access. When it turns out the user has the inbox, the inbox starts. */
  request(): Promise<Result<AccessRequestOutcome>>;
  /**
   * Asks the server again now; when access was granted, loads the session again and starts the
   * inbox (spaces, lists, realtime). Runs by itself while a request waits (see InboxStoreOptions).
   */
  check(): Promise<Result<InboxAccessState>>;
  /** The welcome screen's steps (tenant owners and Inbox Admins only). */
  readonly onboarding: OnboardingStore;
  dispose(): void;
}

export interface AccessDeps {
  client: InboxClient;
  session: SessionStore;
  timers: Timers;
  isVisible: () => boolean;
  onPageReturn: PageEventSource;
  /** How often a waiting request is checked while the page is visible. */
  checkEveryMs: number;
  /** Loads the session again and opens the inbox: what approval leads to. */
  onGranted(): Promise<unknown>;
}

export function createAccessStore(deps: AccessDeps): AccessStore {
  const { client, session, timers } = deps;
  const $access = atom<InboxAccessState | undefined>(undefined);
  const $requesting = atom(false);
  let checking: Promise<Result<InboxAccessState>> | undefined;
  let timer: unknown;
  let stopReturns: (() => void) | undefined;
  let disposed = false;

  /** A new answer from the server: waiting states are shown; granted starts the inbox over. */
  async function take(access: InboxAccess): Promise<Result<InboxAccessState>> {
    if (access.state !== 'granted') {
      $access.set(access.state);
      return { ok: true, value: access.state };
    }
    // `$access` turns granted with the reloaded `/me`, so nothing shows an inbox without spaces.
    const opened = await settle(deps.onGranted());
    return opened.ok ? { ok: true, value: 'granted' } : opened;
  }

  function check(): Promise<Result<InboxAccessState>> {
    checking ??= settle(unwrap(client.api.GET('/inbox-access')))
      .then((result) => (result.ok ? take(result.value) : result))
      .finally(() => (checking = undefined));
    return checking;
  }

  function schedule(): void {
    if (timer !== undefined || disposed) return;
    timer = timers.setTimeout(async () => {
      // A hidden page is checked when it shows again, not in the background.
      if (deps.isVisible()) await check();
      timer = undefined;
      if ($access.get() === 'requested') schedule();
    }, deps.checkEveryMs);
  }

  /** Watches for approval while the user has no inbox; polls only while a request waits. */
  function follow(state: InboxAccessState | undefined): void {
    const waiting = state === 'none' || state === 'requested';
    if (waiting && !stopReturns && !disposed) stopReturns = deps.onPageReturn(() => void check());
    if (!waiting) {
      stopReturns?.();
      stopReturns = undefined;
    }
    if (state === 'requested') schedule();
    else if (timer !== undefined) {
      timers.clearTimeout(timer);
      timer = undefined;
    }
  }

  const stopFollowingMe = session.$me.subscribe((me) => {
    if (me) $access.set(me.inboxAccess ?? 'granted');
  });
  const stopFollowingAccess = $access.subscribe(follow);

  return {
    $access,
    $requesting,
    async request() {
      $requesting.set(true);
      const result = await settle(unwrap(client.api.POST('/inbox-access')));
      $requesting.set(false);
      if (!result.ok) return result;
      const access = result.value;
      const taken = await take(access);
      if (!taken.ok) return taken;
      const outcome: AccessRequestOutcome =
        access.state === 'granted' ? 'granted' : access.alreadyRequested ? 'already-sent' : 'received';
      return { ok: true, value: outcome };
    },
    check,
    onboarding: createOnboardingStore(client, session),
    dispose() {
      disposed = true;
      stopFollowingMe();
      stopFollowingAccess();
      follow(undefined);
    },
  };
}

/**
 * Inbox access (Request Access, noticing approval) and the onboarding steps, built by the access
 * gate and the onboarding element: `store.use(accessStore)`. Approval opens the inbox.
 */
export const accessStore: InboxPart<AccessStore> = ({ client, session }, context) => {
  const { options, timers, onDispose } = context;
  const access = createAccessStore({
    client,
    session,
    timers,
    isVisible: options.isVisible ?? documentIsVisible,
    onPageReturn: options.onPageReturn ?? pageReturns,
    checkEveryMs: options.accessCheckMs ?? 30_000,
    onGranted: context.reopen,
  });
  onDispose(() => access.dispose());
  return access;
};
