-- The final tally's ledger hash, and when a real election's result was certified (never for a drill).
alter table election
    add column ledger_hash  text,
    add column certified_at timestamptz;
