-- Issue 8: contacts, sender selection with daily limits, inbox access and onboarding.

-- Each tenant keeps its own day: senders' daily counts start again at midnight there.
alter table tenants add column time_zone text not null default 'UTC';

-- The stated fallback of sender selection: for a number of a country the profile has no sender
-- in, its senders in this country send (null: no fallback).
alter table sender_profiles add column default_country text check (default_country ~ '^[A-Z]{2}$');

-- The sender an outbound message took one of the day's messages from: dispatch sends from it,
-- an undo gives the message back to it.
alter table timeline_items add column sender_id text references senders(id);

-- Inbox access is a beta: accounts without it may only ask for it. Everyone so far has it.
alter table users add column inbox_access text not null default 'granted'
  check (inbox_access in ('none', 'requested', 'granted'));

-- The contact list: a space's contacts by folded name, paged by (name, id).
create index contacts_space_name on contacts (space_id, inbox_fold(name), id);
