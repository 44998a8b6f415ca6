-- Voting as election-service announced it, and one ballot per counted unit, issued exactly once.
alter table election
    add column phase              text not null default 'DRAFT',
    add column voting_opened_at   timestamptz,
    add column voting_deadline    timestamptz,
    add column electorate_version integer,
    add column ballot_candidates  text,
    add column ballot_motions     text,
    add column ballots_issued_at  timestamptz;

create table ballot (
    id              uuid primary key,
    election_id     uuid          not null references election (id),
    serial          text          not null unique,
    sequence        integer       not null,
    building        text          not null,
    unit            text          not null,
    kind            text          not null,
    area            numeric(12,2) not null,
    person_key      text          not null,
    status          text          not null,
    replaces_serial text,
    issued_at       timestamptz   not null,
    version         bigint        not null default 0,
    unique (election_id, sequence)
);
-- at most one live (not voided) ballot per unit
create unique index ballot_live_unit on ballot (election_id, building, unit) where status <> 'VOIDED';
create index ballot_building on ballot (election_id, building, unit);
