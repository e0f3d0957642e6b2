-- Issue 16: every state a CO version went through, and when, for the domestic systems' view of the whole CO.
-- Versions stored before this migration start their history at their next change.
create table certificate_state_change (
    certificate_id bigint      not null,
    position       int         not null,
    state          varchar(32) not null,
    changed_at     timestamp with time zone not null,
    primary key (certificate_id, position)
);
