/**
 * MSW handlers for inbox access and onboarding, typed from the contract (openapi-msw), in front of
 * the inbox handlers: who the user is, Request Access (201 then 200), the steps and skips.
 */
import { delay } from 'msw';
import { createOpenApiHttp } from 'openapi-msw';
import type { components, paths } from '../../src/api/schema.js';
import * as access from '../../test/fixtures/access-fixtures.js';
import * as fixtures from '../../test/fixtures/inbox-fixtures.js';
import { inboxHandlers } from './handlers.js';

type Schemas = components['schemas'];

const http = createOpenApiHttp<paths>({ baseUrl: '/api' });
const problemHeaders = { 'Content-Type': 'application/problem+json' };

export interface MockAccessOptions {
  access?: Schemas['InboxAccessState'];
  /** Who signs in when access is granted (an agent unless set). */
  granted?: Schemas['Me'];
  onboarding?: Schemas['Onboarding'];
  /** `loading` never answers `/me`; `error` answers it with a problem. */
  session?: 'ok' | 'loading' | 'error';
}

export function accessHandlers({
  access: state = 'none',
  granted = fixtures.me,
  onboarding = access.halfDone(),
  session = 'ok',
}: MockAccessOptions = {}) {
  let current = state;
  let steps = onboarding;
  const answer = () => ({ state: current, alreadyRequested: current === 'requested' });
  return [
    http.get('/me', async ({ response }) => {
      if (session === 'loading') await delay('infinite');
      if (session === 'error')
        return response('default').json(
          {
            type: 'urn:inbox:problem:unavailable',
            title: 'Service Unavailable',
            status: 503,
            detail: 'The inbox server is restarting. Try again in a minute.',
          },
          { status: 503, headers: problemHeaders },
        );
      return response(200).json(current === 'granted' ? granted : access.withoutInbox(current));
    }),
    http.get('/inbox-access', ({ response }) => response(200).json(answer())),
    http.post('/inbox-access', ({ response }) => {
      if (current !== 'none') return response(200).json(answer());
      current = 'requested';
      return response(201).json({ state: 'requested', alreadyRequested: false });
    }),
    http.get('/onboarding', ({ response }) => response(200).json(steps)),
    http.post('/onboarding/steps/{stepId}/skip', ({ params, response }) => {
      const step = steps.steps.find((s) => s.id === params.stepId);
      if (!step?.optional)
        return response(409).json(
          {
            type: 'urn:inbox:problem:step-not-optional',
            title: 'Conflict',
            status: 409,
            detail: "This step can't be skipped: the inbox needs it.",
          },
          { headers: problemHeaders },
        );
      const next = steps.steps.map((s) =>
        s.id === step.id && s.state === 'todo' ? { ...s, state: 'skipped' as const } : s,
      );
      steps = { steps: next, complete: next.every((s) => s.state !== 'todo') };
      return response(200).json(steps);
    }),
    ...inboxHandlers({}),
  ];
}
