-- The electorate of each election as published by election-service, one row per version.
-- complete is set only when every chunk is here and the hash over them equals the published hash.
create table electorate_version (
    election_id   uuid          not null,
    version       integer       not null,
    units         integer       not null,
    counted_units integer       not null,
    total_area    numeric(14,2) not null,
    headcount     integer       not null,
    chunk_count   integer       not null,
    units_hash    text          not null,
    complete      boolean       not null default false,
    verified_at   timestamptz,
    primary key (election_id, version)
);

create table electorate_unit (
    election_id uuid          not null,
    version     integer       not null,
    chunk_index integer       not null,
    position    integer       not null,
    building    text          not null,
    unit        text          not null,
    kind        text          not null,
    area        numeric(12,2) not null,
    counted     boolean       not null,
    person_key  text          not null,
    primary key (election_id, version, chunk_index, position)
);
