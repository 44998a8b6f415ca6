-- ballot-service's own record of each election, built from election events.
create table election (
    id           uuid primary key,
    community_id uuid        not null,
    title        text        not null,
    rule_pack    text        not null,
    seats        integer     not null,
    alternates   integer     not null,
    drill        boolean     not null,
    created_at   timestamptz not null
);
create index election_community on election (community_id);
