-- A community's short code: the public address of its page (/c/<code>) printed on posters with a QR code, so that
-- owners reach the notice board without the internal id. Codes use letters and digits that cannot be mistaken for
-- one another (no 0/O, 1/I/L); communities created before this get one from their id.
alter table community add column short_code text;
update community set short_code = translate(upper(substr(md5(id::text), 1, 6)), '01', '89') where short_code is null;
alter table community alter column short_code set not null;
alter table community add constraint community_short_code_unique unique (short_code);
