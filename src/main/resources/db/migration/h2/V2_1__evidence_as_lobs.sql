-- H2 only. H2 keeps bytea and text values inside the table row, and rewrites the whole leaf page,
-- with every large row on it, each time the page changes: a 5 MB CO with its 7 MB envelope made it
-- build 20+ MB write buffers and run out of a 256 MB heap. As BLOB and CLOB the values go to H2's
-- LOB store in small blocks and the row keeps a reference. PostgreSQL keeps bytea and text (TOAST
-- already stores large values out of line); the JDBC binding (setBytes, setString) is the same.
alter table exchanged_message alter column raw_envelope set data type blob;
alter table exchanged_message alter column payload set data type clob;
alter table outbox alter column payload set data type clob;
