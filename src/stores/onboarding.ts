import { atom, computed, onMount, type ReadableAtom } from 'nanostores';
import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import { unwrap } from '../api/middleware.js';
import type { Me, Onboarding, OnboardingStepId } from '../api/types.js';
import type { LoadState } from './context.js';
import { settle, type Result } from './result.js';
import type { SessionStore } from './session.js';

const STEP_NOT_OPTIONAL = 'urn:inbox:problem:step-not-optional';

export interface OnboardingStore {
  /**
   * Whether the signed-in user sees onboarding at all: they have the inbox and `seeOnboarding`
   * (tenant owners and Inbox Admins). Nobody else is ever shown it, nor asks the server for it.
   */
  $available: ReadableAtom<boolean>;
  /**
   * The steps, each `todo`, `done` (from real state) or `skipped`. Loads (again) whenever it gains
   * listeners, so an element showing it has the current state.
   */
  $onboarding: ReadableAtom<Onboarding | undefined>;
  $state: ReadableAtom<LoadState<InboxApiError>>;
  /** The step being skipped right now, else null. */
  $skipping: ReadableAtom<OnboardingStepId | null>;
  /** The user went on to the inbox from the welcome screen during this visit. */
  $dismissed: ReadableAtom<boolean>;
  /** Loads (again) the steps. The server refuses (403) users who may not see them. */
  load(): Promise<Result<Onboarding>>;
  /**
   * Skips an optional step. A required one comes back as the client problem `step-not-optional`
   * (the server's 409), for the UI to word.
   */
  skip(step: OnboardingStepId): Promise<Result<Onboarding>>;
  /** Leaves the welcome screen for the inbox for the rest of this visit. */
  dismiss(): void;
}

/** Onboarding is for users who have the inbox and the `seeOnboarding` capability only. */
export function seesOnboarding(me: Me | undefined): boolean {
  return Boolean(me && (me.inboxAccess ?? 'granted') === 'granted' && me.capabilities.seeOnboarding);
}

export function createOnboardingStore(client: InboxClient, session: SessionStore): OnboardingStore {
  interface View extends LoadState<InboxApiError> {
    onboarding: Onboarding | undefined;
  }
  const empty: View = { status: 'idle', error: null, onboarding: undefined };
  const $view = atom<View>(empty);
  const $skipping = atom<OnboardingStepId | null>(null);
  const $dismissed = atom(false);
  const $available = computed(session.$me, seesOnboarding);
  let loading: Promise<Result<Onboarding>> | undefined;
  /** Whose steps `$view` holds: another user (or tenant) signing in starts over. */
  let heldFor: string | undefined;
  const whoOf = (me: Me | undefined) => (seesOnboarding(me) ? `${me?.tenant.id}/${me?.user.id}` : undefined);

  function show(me: Me | undefined, view: View): void {
    if (session.$me.get() !== me) return; // Signed in as someone else meanwhile.
    heldFor = whoOf(me);
    $view.set(view);
  }

  function load(): Promise<Result<Onboarding>> {
    const me = session.$me.get();
    if (!me) return Promise.resolve({ ok: false, error: InboxApiError.client({ code: 'not-signed-in' }) });
    loading ??= settle(unwrap(client.api.GET('/onboarding'))).then((result) => {
      loading = undefined;
      const { onboarding } = $view.get();
      show(
        me,
        result.ok
          ? { status: 'ready', error: null, onboarding: result.value }
          : { status: 'error', error: result.error, onboarding },
      );
      return result;
    });
    // What was shown stays while it loads again.
    $view.set({ ...$view.get(), status: 'loading', error: null });
    return loading;
  }

  /** Loaded whenever an element starts showing it (steps change elsewhere), and for each sign-in. */
  const follow = () =>
    session.$me.subscribe((me) => {
      const who = whoOf(me);
      if (who !== heldFor) {
        heldFor = who;
        $view.set(empty);
        $dismissed.set(false);
      }
      if (who) void load();
    });
  const $onboarding = computed($view, (view) => view.onboarding);
  const $state = computed($view, ({ status, error }): LoadState<InboxApiError> => ({ status, error }));
  onMount($onboarding, follow);
  onMount($state, follow);

  return {
    $available,
    $onboarding,
    $state,
    $skipping,
    $dismissed,
    load,
    async skip(step) {
      const me = session.$me.get();
      $skipping.set(step);
      const params = { params: { path: { stepId: step } } };
      const result = await settle(unwrap(client.api.POST('/onboarding/steps/{stepId}/skip', params)));
      $skipping.set(null);
      if (result.ok) {
        show(me, { status: 'ready', error: null, onboarding: result.value });
        return result;
      }
      const { error } = result;
      return error.type === STEP_NOT_OPTIONAL
        ? { ok: false, error: InboxApiError.client({ code: 'step-not-optional', step }, error) }
        : result;
    },
    dismiss: () => $dismissed.set(true),
  };
}
