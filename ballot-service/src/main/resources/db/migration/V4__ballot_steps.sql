-- Every step recorded for a ballot, never updated or deleted: who handed it to whom, how, when; why it could not
-- be delivered; how it came back; why it was voided.
create table ballot_step (
    id             bigint generated always as identity primary key,
    ballot_id      uuid        not null references ballot (id),
    election_id    uuid        not null,
    serial         text        not null,
    action         text        not null,
    recipient_name text,
    relation       text,
    method         text,
    channel        text,
    reason         text,
    at             timestamptz not null,
    actor          text        not null,
    recorded_at    timestamptz not null
);
create index ballot_step_ballot on ballot_step (ballot_id, id);
