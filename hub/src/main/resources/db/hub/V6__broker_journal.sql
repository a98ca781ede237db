-- The broker's durable state (retained messages, persistent sessions) as a journal of binary change records,
-- one row per group commit, compacted now and then into a snapshot of the whole state. Rows are written in
-- large groups because one H2 row per message could not keep up with a busy broker.
CREATE TABLE mqtt_journal (
    ticket  BIGINT PRIMARY KEY,  -- the ticket of the last change in the row
    entries VARBINARY NOT NULL
);

CREATE TABLE mqtt_snapshot (
    part   INT PRIMARY KEY,      -- parts are read in this order
    ticket BIGINT NOT NULL,      -- the ticket of the last change the snapshot includes
    data   VARBINARY NOT NULL
);
