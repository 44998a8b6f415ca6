-- The end of the candidate list's publicity, as announced (24:00 of its last day, Beijing time; platform Periods):
-- voting may open from this instant. Null for elections published before it was recorded: computed then.
alter table election
    add column publicity_ends_at timestamptz;
