-- Server-wide secrets and settings, one row each, shared by every server process on the database.
-- `attachment_link_key` (the HMAC key of signed attachment URLs) is created on first start by the
-- server itself, from Node's CSPRNG: never a constant, and the same for every process on one database.
create table settings (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);
