-- The final tally (ballot.tally-finalized, as JSON), kept until the working group publishes the result: the result
-- notice is posted when the election reaches RESULT_PUBLICITY, not when the chief scrutineer finalizes the tally.
alter table election add column final_tally text;
