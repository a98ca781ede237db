-- Accounts for the web UI and, later, MQTT clients. password_hash holds the algorithm, its cost and salt.
CREATE TABLE users (
    name                 VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash        VARCHAR(256) NOT NULL,
    admin                BOOLEAN      NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
