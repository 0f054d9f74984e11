-- The whole domain of openapi/inbox.yaml. Ids are text (the contract's Id pattern), readable in seeds.
create extension if not exists pg_trgm;

create table tenants (
  id text primary key,
  name text not null,
  undo_window_seconds int not null default 5 check (undo_window_seconds between 0 and 30),
  created_at timestamptz not null default now()
);

create table spaces (
  id text primary key,
  tenant_id text not null references tenants(id),
  name text not null,
  position int not null default 0
);

create table users (
  id text primary key,
  tenant_id text not null references tenants(id),
  name text not null,
  email text not null unique,
  role text not null,
  tenant_owner boolean not null default false,
  -- Managers and agents may be denied internal notes; admins always have them.
  note_access boolean not null default true,
  token text not null unique,
  avatar_url text,
  avatar_color text not null default '#4f46e5',
  created_at timestamptz not null default now()
);

create table user_spaces (
  user_id text not null references users(id) on delete cascade,
  space_id text not null references spaces(id) on delete cascade,
  primary key (user_id, space_id)
);

create table teams (
  id text primary key,
  space_id text not null references spaces(id),
  name text not null,
  position int not null default 0
);

create table team_members (
  team_id text not null references teams(id) on delete cascade,
  user_id text not null references users(id) on delete cascade,
  primary key (team_id, user_id)
);
create index team_members_user on team_members (user_id);

create table sender_profiles (
  id text primary key,
  space_id text not null references spaces(id),
  name text not null,
  channel text not null check (channel in ('sms', 'whatsapp', 'telegram')),
  created_at timestamptz not null default now()
);

-- Restricts a profile to teams; no rows means every team may use it.
create table sender_profile_teams (
  sender_profile_id text not null references sender_profiles(id) on delete cascade,
  team_id text not null references teams(id) on delete cascade,
  primary key (sender_profile_id, team_id)
);

create table senders (
  id text primary key,
  sender_profile_id text not null references sender_profiles(id) on delete cascade,
  address text not null,
  country text not null check (country ~ '^[A-Z]{2}$'),
  daily_limit int not null check (daily_limit >= 0),
  sent_today int not null default 0 check (sent_today >= 0),
  -- sent_today counts for this day only; a send on a later day starts again from 0.
  sent_on date not null default current_date
);

create table contacts (
  id text primary key,
  space_id text not null references spaces(id),
  name text not null default '',
  phone text not null check (phone ~ '^\+[1-9][0-9]{6,14}$'),
  email text,
  company text,
  country text,
  notes text,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (space_id, phone)
);
-- Trigram indexes serve the list search on partial names and numbers (ILIKE '%…%').
create index contacts_name_trgm on contacts using gin (name gin_trgm_ops);
create index contacts_phone_trgm on contacts using gin (phone gin_trgm_ops);

create table conversations (
  id text primary key,
  space_id text not null references spaces(id),
  channel text not null check (channel in ('sms', 'whatsapp', 'telegram')),
  contact_id text not null references contacts(id),
  sender_profile_id text not null references sender_profiles(id),
  sender_id text references senders(id),
  status text not null check (status in ('unanswered', 'active', 'closed')),
  origin text not null check (origin in ('api', 'dialer', 'campaign', 'inbox', 'inbound')),
  version int not null default 1,
  created_at timestamptz not null default now(),
  created_by text references users(id),
  closed_at timestamptz,
  closed_by text references users(id),
  waiting_since timestamptz,
  last_activity_at timestamptz not null default now(),
  last_seq int not null default 0,
  -- Denormalised so "unread only" is a comparison with the user's read marker.
  last_inbound_seq int not null default 0
);
create index conversations_latest on conversations (space_id, last_activity_at desc, id desc);
create index conversations_newest on conversations (space_id, created_at desc, id desc);
create index conversations_waiting on conversations (space_id, (coalesce(waiting_since, 'infinity'::timestamptz)), id);
create index conversations_status on conversations (space_id, status);
create index conversations_closed_by on conversations (closed_by) where closed_by is not null;
create index conversations_contact on conversations (contact_id);

create table conversation_teams (
  conversation_id text not null references conversations(id) on delete cascade,
  team_id text not null references teams(id) on delete cascade,
  primary key (conversation_id, team_id)
);
create index conversation_teams_team on conversation_teams (team_id);

create table conversation_assignees (
  conversation_id text not null references conversations(id) on delete cascade,
  user_id text not null references users(id) on delete cascade,
  primary key (conversation_id, user_id)
);
create index conversation_assignees_user on conversation_assignees (user_id);

create table tags (
  id text primary key,
  space_id text not null references spaces(id),
  name text not null,
  color text not null check (color ~ '^#[0-9a-fA-F]{6}$'),
  created_at timestamptz not null default now()
);
create unique index tags_space_name on tags (space_id, lower(name));

create table conversation_tags (
  conversation_id text not null references conversations(id) on delete cascade,
  tag_id text not null references tags(id) on delete cascade,
  primary key (conversation_id, tag_id)
);

create sequence timeline_item_id_seq;
create table timeline_items (
  id text primary key default ('itm_' || nextval('timeline_item_id_seq')),
  conversation_id text not null references conversations(id) on delete cascade,
  seq int not null check (seq >= 1),
  kind text not null check (kind in ('message', 'note', 'event')),
  created_at timestamptz not null default now(),
  -- message and note
  text text,
  author_id text references users(id),
  -- message only
  direction text check (direction in ('in', 'out')),
  status text check (status in ('scheduled', 'queued', 'sent', 'delivered', 'read', 'failed', 'cancelled')),
  client_message_id text,
  failure_reason text,
  scheduled_for timestamptz,
  -- event only: the contract's TimelineEvent object
  event jsonb,
  tsv tsvector generated always as (to_tsvector('simple'::regconfig, coalesce(text, ''))) stored,
  unique (conversation_id, seq)
);
-- Word search (any order) and substring search over message and note text.
create index timeline_items_tsv on timeline_items using gin (tsv);
create index timeline_items_text_trgm on timeline_items using gin (text gin_trgm_ops) where text is not null;
create unique index timeline_items_client_id on timeline_items (conversation_id, client_message_id)
  where client_message_id is not null;
create index timeline_items_scheduled on timeline_items (scheduled_for) where status = 'scheduled';

create table attachments (
  id text primary key,
  item_id text references timeline_items(id) on delete cascade,
  uploaded_by text references users(id),
  name text not null,
  content_type text not null,
  size int not null,
  data bytea,
  created_at timestamptz not null default now()
);
create index attachments_item on attachments (item_id);

-- Unread for a user = inbound messages with seq after their marker (no row = nothing read).
create table read_markers (
  user_id text not null references users(id) on delete cascade,
  conversation_id text not null references conversations(id) on delete cascade,
  seq int not null default 0,
  updated_at timestamptz not null default now(),
  primary key (user_id, conversation_id)
);
create index read_markers_conversation on read_markers (conversation_id);

create table idempotency_keys (
  user_id text not null references users(id) on delete cascade,
  key text not null,
  operation text not null,
  status int not null,
  body jsonb not null,
  created_at timestamptz not null default now(),
  primary key (user_id, key)
);

create table presence (
  user_id text not null references users(id) on delete cascade,
  conversation_id text not null references conversations(id) on delete cascade,
  state text not null check (state in ('viewing', 'typing', 'left')),
  at timestamptz not null default now(),
  primary key (user_id, conversation_id)
);

-- The realtime log: one monotonic id (global, hence monotonic per space too). Payloads are
-- rendered per subscriber at delivery time, so rows only say what changed.
create table events (
  id bigserial primary key,
  space_id text not null references spaces(id),
  type text not null,
  conversation_id text,
  item_id text,
  payload jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index events_space_id on events (space_id, id);
create index events_created_at on events (created_at);

-- The highest event id pruned per space: a Last-Event-ID below it cannot be resumed.
create table event_log_horizon (
  space_id text primary key references spaces(id),
  pruned_through bigint not null
);

create table inbox_access_requests (
  user_id text primary key references users(id) on delete cascade,
  requested_at timestamptz not null default now(),
  granted_at timestamptz
);

create table onboarding_skips (
  tenant_id text not null references tenants(id),
  step_id text not null,
  skipped_by text references users(id),
  skipped_at timestamptz not null default now(),
  primary key (tenant_id, step_id)
);
