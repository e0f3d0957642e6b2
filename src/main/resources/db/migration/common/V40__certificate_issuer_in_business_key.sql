-- A received CO's business key includes the partner that issued it: two authorities of one country,
-- configured as two partners, number their COs independently, and neither may squat the other's numbers.
-- On the EXPORT side (COs we issued) the issuer is always us, written as ''.
alter table certificate add column issuer_partner_id varchar(64) default '' not null;

update certificate set issuer_partner_id = partner_id where side = 'IMPORT';

alter table certificate drop constraint uq_certificate;

alter table certificate add constraint uq_certificate
    unique (side, issuing_country, issuer_partner_id, co_number, version);
