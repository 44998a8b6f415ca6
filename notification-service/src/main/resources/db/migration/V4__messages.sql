-- Messages to owners, building leaders and owners' groups, with their delivery state. One row per message;
-- dedup_key (what the message is about + channel + recipient + address) makes a redelivered event or a second run
-- of a reminder campaign a no-op.
create table message (
    id                  uuid primary key,
    election_id         uuid        not null,
    community_id        uuid        not null,
    purpose             text        not null,
    channel             text        not null,
    recipient           text        not null,
    address             text        not null,
    template_id         text        not null,
    params              text        not null,
    subject             text        not null,
    body                text        not null,
    dedup_key           text        not null unique,
    status              text        not null,
    round               integer     not null default 1,
    attempts            integer     not null default 0,
    next_attempt_at     timestamptz not null,
    claimed_at          timestamptz,
    last_error          text,
    provider_message_id text,
    created_at          timestamptz not null,
    sent_at             timestamptz
);
create index message_due on message (next_attempt_at) where status = 'PENDING';
create index message_in_flight on message (claimed_at) where status = 'SENDING';
create index message_by_election on message (election_id, status, created_at);

-- Every attempt, for the working group and for a dispute about whether an owner was told.
create table message_attempt (
    id         bigserial primary key,
    message_id uuid        not null references message (id),
    attempt    integer     not null,
    round      integer     not null,
    at         timestamptz not null,
    outcome    text        not null,
    detail     text
);
create index message_attempt_by_message on message_attempt (message_id, id);

-- Who else receives messages about an election, as the working group registers them: owners who gave an email
-- address, the owners' WeChat Work groups (robot webhook key), and the building leaders for their daily worklists.
create table owner_email (
    election_id uuid not null,
    building    text not null,
    unit        text not null,
    email       text not null,
    primary key (election_id, building, unit)
);

create table wecom_group (
    election_id uuid not null,
    name        text not null,
    webhook_key text not null,
    primary key (election_id, name)
);

create table building_leader_contact (
    election_id uuid not null,
    name        text not null,
    phone       text,
    email       text,
    buildings   text not null,
    primary key (election_id, name)
);

-- Where each unit's ballot stands, from ballot.step-recorded: reminders go to units that have not voted, worklists
-- list units still to visit or collect, and the undeliverable notice lists units nobody could reach.
create table unit_ballot (
    election_id uuid        not null,
    building    text        not null,
    unit        text        not null,
    serial      text        not null,
    status      text        not null,
    reason      text,
    updated_at  timestamptz not null,
    primary key (election_id, building, unit)
);

-- What the campaigns need of an election: its phase and voting deadline.
alter table election
    add column phase           text,
    add column voting_deadline timestamptz;
