-- Every notice in Chinese (the board's language) and English; and notification-service's copy of each election,
-- for the names its later notices print.
alter table notice
    add column title_en text,
    add column body_en  text;
update notice set title_en = title, body_en = body where title_en is null;
alter table notice alter column title_en set not null, alter column body_en set not null;

create table election (
    id             uuid primary key,
    community_id   uuid    not null,
    community_name text    not null,
    title          text    not null,
    rule_pack      text    not null,
    seats          integer not null,
    alternates     integer not null,
    drill          boolean not null
);
