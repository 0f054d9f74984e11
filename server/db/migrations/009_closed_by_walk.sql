-- Closed by me walks the conversations its user closed, in the list's order, instead of every
-- conversation in the space. An agent's closed conversations that have since left their teams'
-- sight never fill a page, so the walk went through all of the space's sort index: at 100,000
-- conversations, 26 ms for every Closed by me page of an agent, 14-16 ms now (10,000 entries).
-- Partial: only closed rows are in them, and a closed conversation is rarely written again
-- before it reopens (which takes it out).
create index conversations_closed_latest on conversations
  (space_id, closed_by, last_activity_at desc, id desc)
  include (last_inbound_seq) where status = 'closed';
create index conversations_closed_newest on conversations
  (space_id, closed_by, created_at desc, id desc)
  include (last_inbound_seq) where status = 'closed';
create index conversations_closed_waiting on conversations
  (space_id, closed_by, (coalesce(waiting_since, 'infinity'::timestamptz)), id)
  include (waiting_since, last_inbound_seq) where status = 'closed';
