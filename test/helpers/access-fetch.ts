/**
 * The fixture backend plus inbox access and onboarding as the contract describes them, for
 * element tests: who the user is, Request Access (201 then 200), approval, steps and skips.
 */
import type { components } from '../../src/api/schema.js';
import * as access from '../fixtures/access-fixtures.js';
import * as fixtures from '../fixtures/inbox-fixtures.js';
import { fixtureBackend, type FixtureBackend } from './fixture-fetch.js';

type Schemas = components['schemas'];

export interface AccessBackend extends FixtureBackend {
  /** The signed-in user's access; `approve()` is what support does. */
  access: 'none' | 'requested' | 'granted';
  /** Who signs in once access is granted (an agent unless set). */
  granted: Schemas['Me'];
  onboarding: Schemas['Onboarding'];
  /** `fail` answers /me with 500; `hold` leaves it pending until `releaseMe()`. */
  meMode: 'ok' | 'fail' | 'hold';
  releaseMe(): void;
  /** When set, skips are refused with this status (409 reads as step-not-optional). */
  skipRefusal?: number;
  approve(): void;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

export function accessBackend(initial: AccessBackend['access'] = 'none'): AccessBackend {
  const base = fixtureBackend(fixtures.makeConversations(5));
  const held: (() => void)[] = [];
  const backend: AccessBackend = Object.assign(base, {
    access: initial,
    granted: { ...fixtures.me, inboxAccess: 'granted' as const },
    onboarding: access.halfDone(),
    meMode: 'ok' as const,
    releaseMe: () => held.splice(0).forEach((resolve) => resolve()),
    approve: () => (backend.access = 'granted'),
  });
  const fallback = base.fetch;
  const state = () => ({ state: backend.access, alreadyRequested: backend.access === 'requested' });
  backend.fetch = async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname.replace(/^\/api/, '');
    const route = `${request.method} ${path}`;
    if (route === 'GET /me') {
      backend.requests.push(route);
      if (backend.meMode === 'hold') await new Promise<void>((resolve) => held.push(resolve));
      if (backend.meMode === 'fail')
        return json(
          { type: 'urn:test:down', title: 'Down', status: 500, detail: 'The server is down.' },
          500,
        );
      return json(backend.access === 'granted' ? backend.granted : access.withoutInbox(backend.access));
    }
    const skip = /^POST \/onboarding\/steps\/([a-z_]+)\/skip$/.exec(route);
    if (
      route === 'GET /inbox-access' ||
      route === 'POST /inbox-access' ||
      route === 'GET /onboarding' ||
      skip
    )
      backend.requests.push(route);
    if (route === 'GET /inbox-access') return json(state());
    if (route === 'POST /inbox-access') {
      if (backend.access !== 'none') return json(state());
      backend.access = 'requested';
      return json({ state: 'requested', alreadyRequested: false }, 201);
    }
    if (route === 'GET /onboarding') return json(backend.onboarding);
    if (skip) {
      if (backend.skipRefusal)
        return json(
          {
            type: backend.skipRefusal === 409 ? 'urn:inbox:problem:step-not-optional' : 'urn:test:refused',
            title: 'Refused',
            status: backend.skipRefusal,
            detail: 'Refused (English from the server).',
          },
          backend.skipRefusal,
        );
      const steps = backend.onboarding.steps.map((s) =>
        s.id === skip[1] && s.state === 'todo' ? { ...s, state: 'skipped' as const } : s,
      );
      backend.onboarding = { steps, complete: steps.every((s) => s.state !== 'todo') };
      return json(backend.onboarding);
    }
    return fallback(request);
  };
  return backend;
}
