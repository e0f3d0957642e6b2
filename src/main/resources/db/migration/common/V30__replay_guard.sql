-- WS-Security replay guard shared by the nodes of one gateway (signature + Timestamp of each accepted message),
-- so that a message accepted by one node and replayed to another within the Timestamp's lifetime is refused.
-- Portable SQL for H2 2.x and PostgreSQL. Rows past expires_at are purged.
create table replay_guard (
    identifier_sha256 varchar(64) primary key,
    expires_at        timestamp with time zone not null
);
create index ix_replay_guard_expires on replay_guard (expires_at);
