-- The broker's durable state (retained messages, persistent sessions) as a journal of binary change records,
-- a few rows per group commit, compacted now and then into a snapshot of the whole state. Rows are written in
-- groups because one H2 row per message could not keep up with a busy broker.
CREATE TABLE mqtt_journal (
    ticket  BIGINT PRIMARY KEY,  -- the ticket of the last change in the row
    entries VARBINARY NOT NULL
);

-- A snapshot is written part by part in small transactions under a new generation, and becomes the current one
-- when its marker (part -1, holding no data) is committed; a snapshot cut short by a crash has no marker.
CREATE TABLE mqtt_snapshot (
    generation INT NOT NULL,
    part       INT NOT NULL,     -- parts are read in this order
    ticket     BIGINT NOT NULL,  -- the ticket of the last change the snapshot includes
    data       VARBINARY NOT NULL,
    PRIMARY KEY (generation, part)
);
