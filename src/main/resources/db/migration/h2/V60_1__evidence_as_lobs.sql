-- H2 only: envelopes as LOBs, for the reason given in V2_1.
alter table outbound_evidence alter column sent_envelope set data type blob;
alter table outbound_evidence alter column answer_envelope set data type blob;
alter table rejection alter column raw_envelope set data type blob;
