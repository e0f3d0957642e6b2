-- Annex III (semi-automated pull): the reference code printed on an issued CO. With the CO number it
-- lets the importing side look the CO up at our gateway. Kept readable because the issuing authority
-- hands it to the applicant again when asked; lookups compare it in constant time. Null for COs
-- received from partners and for COs issued before this migration.
alter table certificate add column reference_code varchar(16);
