-- Search ignores accents and case: "schroder" finds "Schröder", "jose" finds "José". One folding
-- function, used by the indexes and by every query that must hit them (same expression on both
-- sides). Built from immutable pieces only (no unaccent extension), so PGlite and Postgres agree.
-- NFD splits a letter from its accents, the ranges drop the combining marks (Latin, Vietnamese,
-- Greek, Arabic harakat); letters that do not decompose (ø, ł, đ, ß, æ, œ) are spelled out.
create function inbox_fold(t text) returns text
language sql immutable strict parallel safe
as $$
  select lower(regexp_replace(
    normalize(
      replace(replace(replace(replace(replace(replace(
        translate(t, 'øØłŁđĐıðÐþÞ', 'oOlLdDidDtT'),
        'ß', 'ss'), 'ẞ', 'SS'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'),
      NFD),
    '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u064b-\u065f\u0670]', '', 'g'))
$$;

-- The search indexes, now over folded text (replacing the accent-sensitive ones).
drop index contacts_name_trgm;
create index contacts_name_fold_trgm on contacts using gin (inbox_fold(name) gin_trgm_ops);

drop index timeline_items_text_trgm;
create index timeline_items_text_fold_trgm on timeline_items using gin (inbox_fold(text) gin_trgm_ops);

drop index timeline_items_tsv;
alter table timeline_items drop column tsv;
create index timeline_items_fold_tsv on timeline_items
  using gin (to_tsvector('simple'::regconfig, inbox_fold(coalesce(text, ''))));
