-- Bans of the brute-force guard, saved when the server stops and restored when it starts.
CREATE TABLE bans (
    source      VARCHAR(64)  NOT NULL PRIMARY KEY,
    since_ms    BIGINT       NOT NULL,
    until_ms    BIGINT       NOT NULL,
    reason      VARCHAR(512) NOT NULL
);
