-- Campaigns that have run (a reminder for a deadline, a day's worklists): later rounds skip them instead of
-- rendering and offering every owner's message again only to have the message keys refuse it.
create table campaign_run (
    key    text primary key,
    ran_at timestamptz not null
);
