-- Bearer tokens for scripts (Authorization: Bearer ...). Only a SHA-256 of each token is kept: a token is shown
-- once, when it is created. A user's tokens go with the user.
CREATE TABLE api_tokens (
    id          IDENTITY     PRIMARY KEY,
    username    VARCHAR(64)  NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    name        VARCHAR(64)  NOT NULL,
    token_hash  CHAR(64)     NOT NULL UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
