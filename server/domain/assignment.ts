import type { components } from '../../src/api/schema.js';
import type { Db } from '../db/db.js';
import { changeConversation, diff } from './conversation-change.js';
import { forbidden, invalid, type FieldError } from './errors.js';
import { textList } from './sql.js';
import type { Viewer } from './users.js';
import type { IfMatch } from './versions.js';

type Conversation = components['schemas']['Conversation'];
type Assignment = components['schemas']['Assignment'];

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/**
 * PUT /conversations/{id}/assignment (assign, If-Match). Teams must be of the conversation's
 * space; without seeAllConversations a user may add only their own teams (those already on it may
 * stay or go). Every assignee must have the inbox and be a member of one of the assigned teams.
 * The event says who was added and removed and by whom; subscribers who lose sight of the
 * conversation get `conversation.removed`, those who gain it `conversation.created` (render.ts
 * compares with `before`).
 */
export async function setAssignment(
  db: Db,
  v: Viewer,
  conversationId: string,
  input: Assignment,
  ifMatch: IfMatch,
): Promise<Conversation> {
  if (!v.capabilities.assign)
    throw forbidden('You may not assign conversations. Ask an admin for this permission.');
  const teamIds = [...new Set(input.teamIds)].sort();
  const assigneeIds = [...new Set(input.assigneeIds)].sort();
  return changeConversation(db, v, conversationId, ifMatch, 'assignment', async (tx, c) => {
    const teams = await tx.query<{ id: string; name: string }>(
      `select id, name from teams where space_id = $1 and id in ${textList('$2')}`,
      [c.space_id, JSON.stringify(teamIds)],
    );
    const errors: FieldError[] = [];
    const unknown: string[] = [];
    input.teamIds.forEach((id, i) => {
      if (teams.some((t) => t.id === id)) return;
      unknown.push(id);
      errors.push({ path: `body.teamIds[${i}]`, message: 'is not a team of this space' });
    });
    if (unknown.length > 0)
      throw invalid(
        unknown.length === 1
          ? `Team ${unknown[0]} is not a team of this space.`
          : `Teams ${list(unknown)} are not teams of this space.`,
        errors,
      );
    const added = diff(c.team_ids, teamIds).added;
    const notMine = teams.filter((t) => added.includes(t.id) && !v.teamIds.includes(t.id));
    if (!v.capabilities.seeAllConversations && notMine.length > 0)
      throw forbidden(
        `You can assign only teams you belong to, and ${list(notMine.map((t) => t.name))} ${notMine.length === 1 ? "isn't" : "aren't"} among them.`,
      );

    const members = await tx.query<{ id: string; name: string; member: boolean }>(
      `select u.id, u.name, exists (select 1 from team_members tm where tm.user_id = u.id and tm.team_id in ${textList('$2')})
         and u.inbox_access = 'granted' as member
       from users u where u.id in ${textList('$1')}`,
      [JSON.stringify(assigneeIds), JSON.stringify(teamIds)],
    );
    input.assigneeIds.forEach((id, i) => {
      if (!members.some((m) => m.id === id && m.member))
        errors.push({ path: `body.assigneeIds[${i}]`, message: 'is not a member of the assigned teams' });
    });
    if (errors.length > 0) {
      const outsiders = members.filter((m) => !m.member).map((m) => m.name);
      const who = outsiders.length > 0 ? list(outsiders) : 'Someone you picked';
      throw invalid(
        `${who} ${outsiders.length > 1 ? 'are' : 'is'} not in any of the assigned teams. Assign one of their teams too, or pick someone else.`,
        errors,
      );
    }

    if (sameSet(c.team_ids, teamIds) && sameSet(c.assignee_ids, assigneeIds)) return null;
    await tx.query('delete from conversation_teams where conversation_id = $1', [c.id]);
    await tx.query('delete from conversation_assignees where conversation_id = $1', [c.id]);
    await tx.query(
      `insert into conversation_teams (conversation_id, team_id) select $1::text, x.id from ${textList('$2')} x(id)`,
      [c.id, JSON.stringify(teamIds)],
    );
    await tx.query(
      `insert into conversation_assignees (conversation_id, user_id) select $1::text, x.id from ${textList('$2')} x(id)`,
      [c.id, JSON.stringify(assigneeIds)],
    );
    const teamsDiff = diff(c.team_ids, teamIds);
    const peopleDiff = diff(c.assignee_ids, assigneeIds);
    return {
      event: {
        type: 'assignment_changed',
        teamIds,
        assigneeIds,
        addedTeamIds: teamsDiff.added,
        removedTeamIds: teamsDiff.removed,
        addedAssigneeIds: peopleDiff.added,
        removedAssigneeIds: peopleDiff.removed,
        actorId: v.id,
      },
      payload: { before: { teamIds: c.team_ids, assigneeIds: c.assignee_ids } },
    };
  });
}
