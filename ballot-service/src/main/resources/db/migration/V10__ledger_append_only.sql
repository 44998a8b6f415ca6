-- The ledger of counted ballots is appended to, never changed: the chain's hashes are what scrutineers attest, and
-- the tally kept in memory (TallyCache) adds only the records after the head it reached, trusting those before it
-- to stay as they were. The database refuses any change or removal of a record, whoever asks.
create function ledger_record_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger records are appended, never changed or removed (election %, position %)',
        old.election_id, old.position using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger ledger_record_append_only before update or delete on ledger_record
    for each row execute function ledger_record_append_only();

create function ledger_truncate_refused() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger of counted ballots is never emptied' using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger ledger_record_never_truncated before truncate on ledger_record
    for each statement execute function ledger_truncate_refused();
