-- Candidates nominated on paper recommendation forms (推荐表), their nominators, the eligibility review, and
-- objections lodged while the list is public.
create table candidate (
    id                  uuid primary key,
    election_id         uuid        not null references election (id),
    building            text        not null,
    unit                text        not null,
    name                text        not null,
    statement           text,
    commitment_received boolean     not null,
    status              text        not null,
    reason_category     text,
    reason              text,
    decided_at          timestamptz,
    decided_by          text,
    nominated_at        timestamptz not null,
    unique (election_id, building, unit, name)
);

create table nomination (
    candidate_id uuid        not null references candidate (id),
    building     text        not null,
    unit         text        not null,
    recorded_at  timestamptz not null,
    recorded_by  text        not null,
    primary key (candidate_id, building, unit)
);

create table objection (
    id           uuid primary key,
    election_id  uuid        not null references election (id),
    candidate_id uuid references candidate (id),
    building     text        not null,
    unit         text        not null,
    text         text        not null,
    lodged_at    timestamptz not null,
    lodged_by    text        not null,
    answer       text,
    answered_at  timestamptz,
    answered_by  text
);
create index objection_election on objection (election_id);
