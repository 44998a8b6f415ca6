-- The verification code of each printed ballot, kept only as a keyed hash, and the wrong codes typed for it.
create table ballot_code (
    ballot_id         uuid primary key references ballot (id),
    serial            text        not null unique,
    code_hash         text        not null,
    printed_at        timestamptz not null,
    printed_by        text        not null,
    failures          integer     not null default 0,
    failure_window_at timestamptz,
    locked_until      timestamptz
);

-- An owner's electronic vote: the marks, exactly as cast, once per ballot (and a unit has one live ballot).
create table online_vote (
    ballot_id   uuid primary key references ballot (id),
    election_id uuid        not null,
    serial      text        not null unique,
    marks       text        not null,
    motions     text        not null,
    cast_at     timestamptz not null
);
create index online_vote_election on online_vote (election_id);

-- The community's name, printed on its ballots.
alter table election add column community_name text not null default '';
