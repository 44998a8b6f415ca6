-- The public notice board: one row per notice, generated from events (never twice for one event).
create table notice (
    id                uuid primary key,
    community_id      uuid        not null,
    election_id       uuid,
    kind              text        not null,
    title             text        not null,
    body              text        not null,
    drill             boolean     not null,
    published_at      timestamptz not null,
    publicity_ends_at timestamptz,
    source_event_id   text        not null unique
);
create index notice_board on notice (community_id, published_at desc);
