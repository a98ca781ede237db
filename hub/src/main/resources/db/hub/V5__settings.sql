-- The hub's location as set on the settings screen; it overrides the config file's location: once saved.
-- One row at most.
CREATE TABLE hub_location (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    time_zone VARCHAR(64) NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
