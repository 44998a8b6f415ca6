-- The one instant voting closed, as ballot-service applied it under the election's lock (issue 16): every vote,
-- handout and return is measured against it. Null while voting runs.
alter table election add column voting_closed_at timestamptz;
