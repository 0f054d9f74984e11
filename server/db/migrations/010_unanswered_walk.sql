-- The Unanswered tab walks the unanswered conversations, in the list's order, instead of every
-- conversation in the space with its status tested on each. A page that rarely finds its rows
-- there walked all of the space's sort index: at 100,000 conversations an admin's Mine +
-- Unanswered (two of their 16,700 conversations are unanswered) took 28-30 ms, and 16-21 ms
-- here (the 10,000 unanswered ones, each looked up among the admin's assignments).
-- Partial: only unanswered rows are in them. A reply takes a conversation out; a customer's
-- message puts it back in.
create index conversations_unanswered_latest on conversations
  (space_id, last_activity_at desc, id desc)
  include (last_inbound_seq) where status = 'unanswered';
create index conversations_unanswered_newest on conversations
  (space_id, created_at desc, id desc)
  include (last_inbound_seq) where status = 'unanswered';
create index conversations_unanswered_waiting on conversations
  (space_id, (coalesce(waiting_since, 'infinity'::timestamptz)), id)
  include (waiting_since, last_inbound_seq) where status = 'unanswered';
