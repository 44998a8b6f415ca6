-- The owners' roster (业主名册) of each community: one row per exclusive part (unit).
create table roster_unit (
    id             uuid primary key,
    community_id   uuid          not null references community (id),
    building       text          not null,
    unit           text          not null,
    kind           text          not null,
    area           numeric(12,2) not null check (area > 0),
    owners         text          not null,
    owner_ref      text          not null,
    phone          text,
    developer_held boolean       not null,
    unique (community_id, building, unit)
);

-- Explicit, audited changes of a frozen roster (changes of ownership after nomination opened).
create table roster_amendment (
    id           uuid primary key,
    community_id uuid        not null references community (id),
    election_id  uuid        not null references election (id),
    building     text        not null,
    unit         text        not null,
    change       text        not null,
    before_value text,
    after_value  text,
    reason       text        not null,
    at           timestamptz not null,
    actor        text        not null
);
create index roster_amendment_community on roster_amendment (community_id, at);

-- The electorate of an election as frozen (and amended) with its roster.
alter table election
    add column frozen_at                timestamptz,
    add column electorate_version       integer not null default 0,
    add column electorate_units         integer,
    add column electorate_counted_units integer,
    add column electorate_area          numeric(14,2),
    add column electorate_headcount     integer;
