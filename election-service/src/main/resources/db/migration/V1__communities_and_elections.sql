create table community (
    id         uuid primary key,
    name       text        not null,
    district   text        not null,
    street     text        not null,
    created_at timestamptz not null,
    created_by text        not null
);

create table election (
    id           uuid primary key,
    community_id uuid        not null references community (id),
    title        text        not null,
    rule_pack    text        not null,
    seats        integer     not null check (seats > 0),
    alternates   integer     not null check (alternates >= 0),
    voting_days  integer     not null check (voting_days > 0),
    drill        boolean     not null,
    phase        text        not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    version      bigint      not null default 0
);
create index election_community on election (community_id);
