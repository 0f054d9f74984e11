import type { components } from '../../src/api/schema.js';
import type { Queryable } from '../db/db.js';
import { conflict, forbidden } from './errors.js';
import type { Viewer } from './users.js';

type Onboarding = components['schemas']['Onboarding'];
type StepId = components['schemas']['OnboardingStepId'];

interface StepRule {
  id: StepId;
  title: string;
  optional: boolean;
  href: string;
  articleUrl: string;
  /** SQL that is true when the tenant ($1) has done the step: real state, never a checkbox. */
  done: string;
}

const IN_TENANT = `join spaces sp on sp.id = p.space_id where sp.tenant_id = $1`;

/** The steps, in order. `href` and `articleUrl` are paths the host maps to its own URLs. */
const STEPS: readonly StepRule[] = [
  {
    id: 'connect_channel',
    title: 'Connect SMS, WhatsApp or Telegram',
    optional: false,
    href: '/settings/channels',
    articleUrl: '/help/inbox/connect-a-channel',
    done: `exists (select 1 from senders s join sender_profiles p on p.id = s.sender_profile_id ${IN_TENANT})`,
  },
  {
    id: 'create_sender_profile',
    title: 'Create a sender profile',
    optional: false,
    href: '/settings/sender-profiles',
    articleUrl: '/help/inbox/sender-profiles',
    done: `exists (select 1 from sender_profiles p ${IN_TENANT})`,
  },
  {
    id: 'create_team',
    title: 'Create a team',
    optional: false,
    href: '/settings/teams',
    articleUrl: '/help/inbox/teams',
    done: `exists (select 1 from teams p ${IN_TENANT})`,
  },
  {
    id: 'invite_agents',
    title: 'Invite your agents',
    optional: false,
    href: '/settings/users',
    articleUrl: '/help/inbox/roles-and-permissions',
    done: `exists (select 1 from users u where u.tenant_id = $1 and not u.tenant_owner)`,
  },
  {
    id: 'create_tags',
    title: 'Create conversation tags',
    optional: true,
    href: '/settings/tags',
    articleUrl: '/help/inbox/tags',
    done: `exists (select 1 from tags p ${IN_TENANT})`,
  },
  {
    id: 'install_elements',
    title: 'Add the inbox to your own pages',
    optional: true,
    href: '/settings/inbox-elements',
    articleUrl: '/help/inbox/elements',
    // Used for real: someone of the tenant has sent a message through the elements.
    done: `exists (select 1 from timeline_items ti join conversations p on p.id = ti.conversation_id ${IN_TENANT}
      and ti.kind = 'message' and ti.direction = 'out' and ti.author_id is not null)`,
  },
];

const mayOnboard = (v: Viewer) => {
  if (!v.capabilities.seeOnboarding)
    throw forbidden('Only tenant owners and Inbox Admins see the onboarding steps.');
};

/** GET /onboarding (seeOnboarding): each step done from the tenant's real state, or skipped. */
export async function getOnboarding(db: Queryable, v: Viewer): Promise<Onboarding> {
  mayOnboard(v);
  const [done] = await db.query<Record<StepId, boolean>>(
    `select ${STEPS.map((s) => `${s.done} as ${s.id}`).join(',\n')}`,
    [v.tenantId],
  );
  const skipped = new Set(
    (
      await db.query<{ step_id: string }>('select step_id from onboarding_skips where tenant_id = $1', [
        v.tenantId,
      ])
    ).map((r) => r.step_id),
  );
  const steps = STEPS.map((s) => ({
    id: s.id,
    title: s.title,
    optional: s.optional,
    state: done?.[s.id] ? ('done' as const) : skipped.has(s.id) ? ('skipped' as const) : ('todo' as const),
    href: s.href,
    articleUrl: s.articleUrl,
  }));
  return { complete: steps.every((s) => s.state !== 'todo'), steps };
}

/** POST /onboarding/steps/{id}/skip: optional steps only (409 otherwise); skipping twice is fine. */
export async function skipOnboardingStep(db: Queryable, v: Viewer, stepId: StepId): Promise<Onboarding> {
  mayOnboard(v);
  const step = STEPS.find((s) => s.id === stepId)!;
  if (!step.optional)
    throw conflict(
      'step-not-optional',
      `“${step.title}” can't be skipped: the inbox needs it. Only optional steps can be skipped.`,
    );
  await db.query(
    `insert into onboarding_skips (tenant_id, step_id, skipped_by) values ($1, $2, $3) on conflict do nothing`,
    [v.tenantId, stepId, v.id],
  );
  return getOnboarding(db, v);
}
