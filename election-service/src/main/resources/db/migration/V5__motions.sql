-- Motions (议题) voted on the same ballot, each with its threshold.
create table motion (
    id          uuid primary key,
    election_id uuid    not null references election (id),
    position    integer not null,
    title       text    not null,
    threshold   text    not null,
    unique (election_id, position)
);
