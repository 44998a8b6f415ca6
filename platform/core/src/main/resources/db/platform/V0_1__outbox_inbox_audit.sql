-- Platform tables every service has: the transactional outbox, the processed-event inbox, the audit trail.

create table outbox_event (
    id          bigint generated always as identity primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    record_key  text        not null,
    event_type  text        not null,
    payload     text        not null,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    attempts    integer     not null default 0,
    last_error  text
);
create index outbox_event_unsent on outbox_event (id) where sent_at is null;

create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

create table audit_entry (
    id           bigint generated always as identity primary key,
    at           timestamptz not null,
    actor        text        not null,
    action       text        not null,
    subject_type text        not null,
    subject_id   text        not null,
    election_id  uuid,
    detail       text,
    request_id   text
);
create index audit_entry_subject on audit_entry (subject_type, subject_id);
create index audit_entry_election on audit_entry (election_id);

-- The audit trail is append-only: refuse edits and deletions at the database itself.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
