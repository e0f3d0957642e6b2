-- What an alert is about (a message, a CO, a certificate), so that a condition that lasts is alerted
-- once a day rather than on every watchdog pass. Null for alerts raised once per event.
alter table alert add column subject varchar(160);

create index ix_alert_subject on alert (subject, raised_at);
