-- Wrong verification codes are counted per ballot and per source (a hashed client address, or the owner's own
-- session), never per ballot alone: a stranger typing wrong codes must not lock the owner out (issue 15).
create table code_attempt (
    serial          text        not null,
    source          text        not null,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    next_allowed_at timestamptz,
    primary key (serial, source)
);

alter table ballot_code drop column failures;
alter table ballot_code drop column failure_window_at;
alter table ballot_code drop column locked_until;

-- A sign-off keeps the attestation code the scrutineer submitted (never shown before the tally is final) beside
-- the ledger hash it was made on.
alter table tally_signoff add column attestation text;
