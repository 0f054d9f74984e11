import type { components } from '../../src/api/schema.js';
import { CHANNELS } from '../channels/capabilities.js';
import { requireSpace, usersOfSpace } from '../domain/users.js';
import { inputOf, type Handler } from '../http/env.js';

type SenderProfile = components['schemas']['SenderProfile'];

export const listSpaces: Handler = async (c) => {
  const rows = await c
    .get('services')
    .db.query<{ id: string; name: string }>(
      `select s.id, s.name from spaces s join user_spaces us on us.space_id = s.id where us.user_id = $1 order by s.position`,
      [c.get('viewer').id],
    );
  return c.json(rows.map((s) => ({ id: s.id, name: s.name })));
};

/** Admins see every team of the space; managers and agents their own. */
export const listTeams: Handler = async (c) => {
  const { spaceId } = inputOf(c, 'listTeams').query;
  const v = c.get('viewer');
  requireSpace(v, spaceId);
  const rows = await c
    .get('services')
    .db.query<{ id: string; space_id: string; name: string; member_ids: string[] }>(
      `select t.id, t.space_id, t.name,
       array(select tm.user_id from team_members tm where tm.team_id = t.id order by tm.user_id) as member_ids
     from teams t
     where t.space_id = $1
       and ($2::boolean or exists (select 1 from team_members m where m.team_id = t.id and m.user_id = $3))
     order by t.position, t.name`,
      [spaceId, v.capabilities.seeAllConversations, v.id],
    );
  return c.json(rows.map((t) => ({ id: t.id, spaceId: t.space_id, name: t.name, memberIds: t.member_ids })));
};

export const listUsers: Handler = async (c) => {
  const { spaceId } = inputOf(c, 'listUsers').query;
  requireSpace(c.get('viewer'), spaceId);
  return c.json(await usersOfSpace(c.get('services').db, spaceId));
};

export const listChannels: Handler = (c) => c.json(CHANNELS);

/** Profiles the user may send from; the senders inside only with seeSenders. */
export const listSenderProfiles: Handler = async (c) => {
  const { spaceId } = inputOf(c, 'listSenderProfiles').query;
  const v = c.get('viewer');
  requireSpace(v, spaceId);
  const rows = await c.get('services').db.query<{
    id: string;
    space_id: string;
    name: string;
    channel: SenderProfile['channel'];
    team_ids: string[];
    senders: unknown;
  }>(
    `select p.id, p.space_id, p.name, p.channel,
       array(select x.team_id from sender_profile_teams x where x.sender_profile_id = p.id order by x.team_id) as team_ids,
       coalesce((select json_agg(json_build_object('id', s.id, 'address', s.address, 'country', s.country,
           'dailyLimit', s.daily_limit, 'sentToday', case when s.sent_on = current_date then s.sent_today else 0 end) order by s.id)
         from senders s where s.sender_profile_id = p.id), '[]'::json) as senders
     from sender_profiles p
     where p.space_id = $1
       and ($2::boolean
         or not exists (select 1 from sender_profile_teams x where x.sender_profile_id = p.id)
         or exists (select 1 from sender_profile_teams x join team_members tm on tm.team_id = x.team_id
                    where x.sender_profile_id = p.id and tm.user_id = $3))
     order by p.name`,
    [spaceId, v.capabilities.seeAllConversations, v.id],
  );
  return c.json(
    rows.map((p): SenderProfile => ({
      id: p.id,
      spaceId: p.space_id,
      name: p.name,
      channel: p.channel,
      teamIds: p.team_ids,
      ...(v.capabilities.seeSenders
        ? {
            senders: (typeof p.senders === 'string'
              ? JSON.parse(p.senders)
              : p.senders) as SenderProfile['senders'],
          }
        : {}),
    })),
  );
};

export const listTags: Handler = async (c) => {
  const { spaceId } = inputOf(c, 'listTags').query;
  requireSpace(c.get('viewer'), spaceId);
  const rows = await c
    .get('services')
    .db.query<{ id: string; space_id: string; name: string; color: string }>(
      'select id, space_id, name, color from tags where space_id = $1 order by lower(name)',
      [spaceId],
    );
  return c.json(rows.map((t) => ({ id: t.id, spaceId: t.space_id, name: t.name, color: t.color })));
};
