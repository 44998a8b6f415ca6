-- ballot-service's copy of an election is written by election-service's calls (voting opens, voting closes) and by
-- its events, on different threads. Each writer reads the row under a lock first (ElectionLocks.lockForChange);
-- the version makes a writer that did not fail instead of overwriting what another committed meanwhile.
alter table election add column version bigint not null default 0;
