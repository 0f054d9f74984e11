-- An item's folded text (see 004) is stored beside it, computed once when the item is written.
-- The search indexes were built on the folding expression, so every index hit was folded again
-- to recheck it, and every item a search's walk or a page's snippet tested was folded again too;
-- folding is a regular expression over the normalized text, most of a search's cost.
alter table timeline_items
  add column text_folded text generated always as (inbox_fold(text)) stored;

drop index timeline_items_text_fold_trgm;
create index timeline_items_text_fold_trgm on timeline_items using gin (text_folded gin_trgm_ops);

drop index timeline_items_fold_tsv;
create index timeline_items_fold_tsv on timeline_items
  using gin (to_tsvector('simple'::regconfig, coalesce(text_folded, '')));
