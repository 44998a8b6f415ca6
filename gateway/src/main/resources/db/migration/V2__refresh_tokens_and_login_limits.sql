-- Refresh tokens: only their SHA-256 is stored. Each login starts a family; each use marks the token used and
-- issues the next one of the family. A used token presented again means it was stolen: the family is revoked.
create table refresh_token (
    id             uuid primary key,
    family_id      uuid        not null,
    account_id     uuid        not null references staff_account (id),
    token_hash     text        not null unique,
    issued_at      timestamptz not null,
    expires_at     timestamptz not null,
    used_at        timestamptz,
    revoked_at     timestamptz,
    revoked_reason text
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_account on refresh_token (account_id) where revoked_at is null;

-- Failed sign-ins per account and per address, for the login limits (the gateway's rate-limit state).
create table login_throttle (
    key               text primary key,
    failures          integer     not null,
    window_started_at timestamptz not null,
    locked_until      timestamptz
);
