import type { Conversation } from '../api/types.js';
import { idLists, interner } from './interner.js';

/**
 * Makes the cached conversations share what they repeat. Parsed JSON gives each conversation its
 * own copy of its space id, channel, status and origin, of its sender profile and sender, of its
 * lists of team, assignee and tag ids, of its closer's and last author's ids, of its last message's
 * kind and direction, and of the moment its activity, last message and wait usually share: about
 * 400 bytes of its 820 (10,000 conversations). The values stay equal, so it writes them in place.
 */
export function sharingConversationRepeats(): (c: Conversation) => Conversation {
  const shared = interner();
  const sharedIds = idLists(shared);
  const objects = new Map<string, object>();
  /** The first object seen with this id, when every value is the same; else this one. */
  const sameAs = <T extends { id: string }>(value: T): T => {
    const first = objects.get(value.id) as T | undefined;
    const keys = Object.keys(value) as (keyof T)[];
    const alike =
      first && Object.keys(first).length === keys.length && keys.every((key) => first[key] === value[key]);
    if (alike) return first;
    objects.set(value.id, value);
    return value;
  };
  return (c) => {
    c.spaceId = shared(c.spaceId);
    c.channel = shared(c.channel);
    c.status = shared(c.status);
    c.origin = shared(c.origin);
    if (c.closedBy) c.closedBy = shared(c.closedBy);
    c.teamIds = sharedIds(c.teamIds);
    c.assigneeIds = sharedIds(c.assigneeIds);
    c.tagIds = sharedIds(c.tagIds);
    c.senderProfile = sameAs(c.senderProfile);
    if (c.sender) c.sender = sameAs(c.sender);
    const last = c.lastMessage;
    if (last) {
      last.kind = shared(last.kind);
      if (last.direction) last.direction = shared(last.direction);
      if (last.authorId) last.authorId = shared(last.authorId);
      if (last.at === c.lastActivityAt) last.at = c.lastActivityAt;
    }
    if (c.waitingSince === c.lastActivityAt) c.waitingSince = c.lastActivityAt;
    if (c.createdAt === c.lastActivityAt) c.createdAt = c.lastActivityAt;
    if (c.closedAt === c.lastActivityAt) c.closedAt = c.lastActivityAt;
    return c;
  };
}
