-- Counting: every entry of a returned paper ballot, by two different counters; the ballot's counting state and
-- what was counted (agreed by both entries, or resolved by a scrutineer); nothing here is ever updated away.
create table counting_entry (
    id          bigint generated always as identity primary key,
    election_id uuid        not null,
    ballot_id   uuid        not null references ballot (id),
    serial      text        not null,
    counter     text        not null,
    signature   text        not null,
    marks       text        not null,
    motions     text        not null,
    entered_at  timestamptz not null,
    unique (ballot_id, counter)
);
create index counting_entry_election on counting_entry (election_id);

create table ballot_count (
    ballot_id       uuid primary key references ballot (id),
    election_id     uuid        not null,
    serial          text        not null,
    state           text        not null,
    signature       text,
    marks           text,
    motions         text,
    resolved_by     text,
    resolution_note text,
    updated_at      timestamptz not null
);
create index ballot_count_state on ballot_count (election_id, state);

-- The ledger of counted ballots: one canonical JSON record each, chained by SHA-256 from the election's genesis.
create table ledger_record (
    election_id uuid        not null,
    position    integer     not null,
    serial      text        not null unique,
    record      text        not null,
    hash        text        not null,
    recorded_at timestamptz not null,
    primary key (election_id, position)
);

-- Drawings of lots among tied candidates, with witnesses.
create table lots_draw (
    id            bigint generated always as identity primary key,
    election_id   uuid        not null,
    candidate_ids text        not null,
    witnesses     text        not null,
    recorded_by   text        not null,
    recorded_at   timestamptz not null
);

-- Scrutineers' sign-offs: the ledger hash each recomputed, and whether it agreed with ours.
create table tally_signoff (
    id          bigint generated always as identity primary key,
    election_id uuid        not null,
    scrutineer  text        not null,
    ledger_hash text        not null,
    agrees      boolean     not null,
    note        text,
    signed_at   timestamptz not null
);

-- The frozen tally.
create table final_tally (
    election_id  uuid primary key,
    tally        text        not null,
    ledger_hash  text        not null,
    finalized_by text        not null,
    finalized_at timestamptz not null
);
