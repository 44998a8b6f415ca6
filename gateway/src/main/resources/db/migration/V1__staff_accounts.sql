-- Staff accounts (admin, street office, working group, building leaders, counters, scrutineers).
create table staff_account (
    id           uuid primary key,
    username     text        not null unique,
    password_hash text       not null,
    display_name text        not null,
    roles        text[]      not null,
    community_id uuid,
    election_id  uuid,
    buildings    text[]      not null default '{}',
    communities  text[]      not null default '{}',
    enabled      boolean     not null,
    created_at   timestamptz not null,
    created_by   text        not null
);
