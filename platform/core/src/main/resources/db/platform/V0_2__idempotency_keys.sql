-- Idempotency-Key (docs/architecture/idempotency.md): one row per caller and key, written in the transaction of the
-- request's effect together with the response it answered, so that the effect and its key exist together or not at
-- all. Only answered (2xx) requests are kept; rows older than the retention are purged.

create table idempotency_key (
    caller          text        not null,
    idempotency_key text        not null,
    method          text        not null,
    path            text        not null,
    request_hash    text        not null,
    created_at      timestamptz not null,
    status          integer,
    content_type    text,
    location        text,
    body            bytea,
    primary key (caller, idempotency_key)
);
create index idempotency_key_created on idempotency_key (created_at);
