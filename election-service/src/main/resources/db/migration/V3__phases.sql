-- What the phase guards look at, and the history of every phase change.
alter table election
    add column publicity_started_at timestamptz,
    add column voting_opened_at     timestamptz,
    add column voting_deadline      timestamptz,
    add column voting_closed_at     timestamptz,
    add column closed_early_reason  text,
    add column final_tally_received boolean not null default false,
    add column quorum_met           boolean;

create table phase_change (
    id          bigint generated always as identity primary key,
    election_id uuid        not null references election (id),
    from_phase  text        not null,
    to_phase    text        not null,
    at          timestamptz not null,
    actor       text        not null,
    reason      text
);
create index phase_change_election on phase_change (election_id, id);
