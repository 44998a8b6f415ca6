-- Whom to message about an election: owners' names and the phone that receives notices, per unit, as published
-- with the frozen roster. No areas: notification-service does not need them.
create table contact_list (
    election_id       uuid    not null,
    version           integer not null,
    community_id      uuid    not null,
    contact_count     integer not null,
    chunk_count       integer not null,
    contacts_hash     text    not null,
    complete          boolean not null default false,
    primary key (election_id, version)
);

create table owner_contact (
    election_id uuid    not null,
    version     integer not null,
    chunk_index integer not null,
    position    integer not null,
    building    text    not null,
    unit        text    not null,
    owners      text    not null,
    phone       text,
    primary key (election_id, version, chunk_index, position)
);
