-- natural_key(text): the sort key of org.ownersvote.platform.text.NaturalOrder, for lists paged in SQL
-- (order by natural_key(building), natural_key(unit)): each run of ASCII digits becomes its length without leading
-- zeros as four digits followed by those digits, other characters stay; as UTF-8 bytes (bytea compares bytewise, that
-- is by code point, whatever the database's collation), then a zero byte and the text itself, so that texts equal but
-- for leading zeros still have one order. Repeatable: applied after every service's own migrations, and again when
-- this file changes.
create or replace function natural_key(t text) returns bytea
    language sql immutable strict parallel safe as
$$
select convert_to(coalesce(string_agg(case
                                          when r.m[1] ~ '^[0-9]'
                                              then lpad(length(ltrim(r.m[1], '0'))::text, 4, '0') || ltrim(r.m[1], '0')
                                          else r.m[1] end, '' order by r.n), ''), 'UTF8')
           || '\x00'::bytea || convert_to(t, 'UTF8')
from regexp_matches(t, '[0-9]+|[^0-9]+', 'g') with ordinality as r(m, n)
$$;
