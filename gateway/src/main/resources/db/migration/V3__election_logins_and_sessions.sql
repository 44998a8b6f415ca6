-- Election accounts sign in as <short name>.<suffix>: the suffix is derived from the election id and kept here, one
-- per election and never shared by two, so a working group's choice of name can only collide inside its own election.
create table election_login_suffix (
    election_id uuid primary key,
    suffix      text not null unique
);

-- The gateway asks on every authenticated request whether the token's session (refresh-token family) is still live.
create index refresh_token_live_family on refresh_token (family_id, account_id) where revoked_at is null;

-- Accounts of one election, for the separation-of-duties checks when another is created.
create index staff_account_election on staff_account (election_id) where election_id is not null;
