-- Crash recovery within seconds: a claim is a short lease its process renews while the message
-- is with the provider, so only that process may renew it; a dead process's claims lapse.
alter table timeline_items add column dispatch_claimed_by text;
-- The idempotency key the provider gets: the same for every attempt of one send (a takeover after
-- a crash sends the same key again), a new one for a retry after a failure.
alter table timeline_items add column dispatch_key text;

-- The simulator's own records, standing for the provider's side: one row per send it accepted,
-- by idempotency key, shared by every server process on the database. `dispatches` counts how
-- often it was handed that key; only the first one sent anything.
create table simulator_sends (
  idempotency_key text primary key,
  item_id text not null,
  channel text not null,
  recipient text not null,
  body text not null,
  sent_at timestamptz not null default now(),
  dispatches int not null default 1
);
create index simulator_sends_item on simulator_sends (item_id);

-- A claim now lasts until the provider's last receipt (a `sent` message may still owe `delivered`);
-- claims of messages whose dispatch ended before this change are over.
update timeline_items set dispatch_claimed_at = null
where dispatch_claimed_at is not null and status not in ('scheduled', 'queued');
create index timeline_items_claimed on timeline_items (dispatch_claimed_at)
  where dispatch_claimed_at is not null;
