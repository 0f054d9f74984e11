import type { components } from '../../src/api/schema.js';
import type { Channel } from '../channels/capabilities.js';
import type { Queryable } from '../db/db.js';
import { notFound } from './errors.js';
import { tenantToday, usedToday } from './senders.js';
import { textList } from './sql.js';
import type { Viewer } from './users.js';

type SenderProfile = components['schemas']['SenderProfile'];

export interface ProfileRow {
  id: string;
  space_id: string;
  name: string;
  channel: Channel;
  default_country: string | null;
  team_ids: string[];
  senders: unknown;
  [k: string]: unknown;
}

/**
 * Profiles a user may send from: in their space, and unrestricted or restricted to one of their
 * teams (admins: all). Senders with today's counts come along; only seeSenders users get them.
 */
async function profiles(db: Queryable, v: Viewer, where: string, param: string): Promise<ProfileRow[]> {
  return db.query<ProfileRow>(
    `select p.id, p.space_id, p.name, p.channel, p.default_country,
       array(select x.team_id from sender_profile_teams x where x.sender_profile_id = p.id order by x.team_id) as team_ids,
       coalesce((select json_agg(json_build_object('id', s.id, 'address', s.address, 'country', s.country,
           'dailyLimit', s.daily_limit, 'sentToday', ${usedToday('s', tenantToday('$4'))}) order by s.id)
         from senders s where s.sender_profile_id = p.id), '[]'::json) as senders
     from sender_profiles p
     where ${where} = $1
       and p.space_id in ${textList('$5')}
       and ($2::boolean
         or not exists (select 1 from sender_profile_teams x where x.sender_profile_id = p.id)
         or exists (select 1 from sender_profile_teams x join team_members tm on tm.team_id = x.team_id
                    where x.sender_profile_id = p.id and tm.user_id = $3))
     order by p.name`,
    [param, v.capabilities.seeAllConversations, v.id, v.tenantId, JSON.stringify(v.spaceIds)],
  );
}

/** A profile as this user receives it: the senders inside only with seeSenders. */
export function toSenderProfile(p: ProfileRow, v: Viewer): SenderProfile {
  return {
    id: p.id,
    spaceId: p.space_id,
    name: p.name,
    channel: p.channel,
    teamIds: p.team_ids,
    defaultCountry: p.default_country,
    ...(v.capabilities.seeSenders
      ? {
          senders: (typeof p.senders === 'string'
            ? JSON.parse(p.senders)
            : p.senders) as SenderProfile['senders'],
        }
      : {}),
  };
}

export async function listSenderProfiles(
  db: Queryable,
  v: Viewer,
  spaceId: string,
): Promise<SenderProfile[]> {
  return (await profiles(db, v, 'p.space_id', spaceId)).map((p) => toSenderProfile(p, v));
}

/** One profile this user may send from (404 otherwise: another team's profile is not theirs to know). */
export async function usableProfile(db: Queryable, v: Viewer, profileId: string): Promise<ProfileRow> {
  const [row] = await profiles(db, v, 'p.id', profileId);
  if (!row) throw notFound(`Sender profile ${profileId} does not exist or is not one you may send from.`);
  return row;
}
