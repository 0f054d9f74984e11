-- Issue 4: real undo send, dispatch exactly once, uploads per channel.

-- When a dispatcher took a queued message (null = waiting for one, e.g. after a retry). A claim
-- older than the dispatcher's lease belongs to a process that died mid-dispatch and is taken again.
alter table timeline_items add column dispatch_claimed_at timestamptz;
alter table timeline_items add column dispatch_attempts int not null default 0;
create index timeline_items_queued on timeline_items (dispatch_claimed_at) where status = 'queued';

-- An upload is checked against one channel's rules and may only be sent on that channel.
alter table attachments add column channel text check (channel in ('sms', 'whatsapp', 'telegram'));
create index attachments_uploader on attachments (uploaded_by) where item_id is null;
