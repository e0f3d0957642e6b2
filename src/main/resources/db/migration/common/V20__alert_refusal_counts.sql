-- Repeated refusals of one code from one source within a window are counted on the first one's alert
-- instead of getting a row (and an audit record) each, so a flood of refusals neither pushes real
-- alerts out of the operators' view nor grows the database. occurrences is 1 for every other alert.
alter table alert add column occurrences int default 1 not null;
alter table alert add column last_seen_at timestamp with time zone;
alter table alert add column last_detail varchar(4000);
