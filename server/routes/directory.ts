import { CHANNELS } from '../channels/capabilities.js';
import { phoneInfo } from '../domain/phone.js';
import { listSenderProfiles, usableProfile } from '../domain/sender-profiles.js';
import { availability } from '../domain/senders.js';
import { requireSpace, usersOfSpace } from '../domain/users.js';
import { inputOf, type Handler } from '../http/env.js';

export const listSpaces: Handler = async (c) => {
  const rows = await c
    .get('services')
    .db.query<{ id: string; name: string }>(
      `select s.id, s.name from spaces s join user_spaces us on us.space_id = s.id where us.user_id = $1 order by s.position`,
      [c.get('viewer').id],
    );
  return c.json(rows.map((s) => ({ id: s.id, name: s.name })));
};

/** Admins see every team of the space; managers and agents their own. Members: users with the inbox. */
export const listTeams: Handler = async (c) => {
  const { spaceId } = inputOf(c, 'listTeams').query;
  const v = c.get('viewer');
  requireSpace(v, spaceId);
  const rows = await c
    .get('services')
    .db.query<{ id: string; space_id: string; name: string; member_ids: string[] }>(
      `select t.id, t.space_id, t.name,
       array(select tm.user_id from team_members tm join users u on u.id = tm.user_id
             where tm.team_id = t.id and u.inbox_access = 'granted' order by tm.user_id) as member_ids
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
export const listSenderProfilesRoute: Handler = async (c) => {
  const { spaceId } = inputOf(c, 'listSenderProfiles').query;
  const v = c.get('viewer');
  requireSpace(v, spaceId);
  return c.json(await listSenderProfiles(c.get('services').db, v, spaceId));
};

/** What sender selection would do for a number now: the countries and counts, never a sender. */
export const getSenderAvailabilityRoute: Handler = async (c) => {
  const { path, query } = inputOf(c, 'getSenderAvailability');
  const { db } = c.get('services');
  const v = c.get('viewer');
  const profile = await usableProfile(db, v, path.senderProfileId);
  const { country } = phoneInfo(query.phone);
  return c.json(
    await availability(db, v.tenantId, { id: profile.id, defaultCountry: profile.default_country }, country),
  );
};
