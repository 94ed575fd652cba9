-- Phones the server has seen or an admin registered for provisioning. Portable SQL (H2 2.x and
-- PostgreSQL). Times are milliseconds since the epoch; NULL means "not yet".
CREATE TABLE devices (
    -- 12 lower-case hex digits, no separators
    mac                 CHAR(12)     NOT NULL PRIMARY KEY,
    vendor              VARCHAR(64)  NOT NULL,
    model               VARCHAR(64)  NOT NULL,
    firmware_version    VARCHAR(64)  NOT NULL,
    ip_address          VARCHAR(64),
    first_seen_ms       BIGINT,
    last_seen_ms        BIGINT,
    last_provisioned_ms BIGINT,
    -- AES-GCM ciphertext (password vault) of the phone's web admin password, Base64
    admin_password_enc  VARCHAR(512) NOT NULL
);

-- The SIP accounts on a phone's line keys; removing the user or the phone removes the line.
CREATE TABLE device_lines (
    mac       CHAR(12)     NOT NULL REFERENCES devices (mac) ON DELETE CASCADE,
    line      INT          NOT NULL,
    domain    VARCHAR(253) NOT NULL,
    user_name VARCHAR(64)  NOT NULL,
    PRIMARY KEY (mac, line),
    FOREIGN KEY (domain, user_name) REFERENCES users (domain, name) ON DELETE CASCADE
);

CREATE INDEX device_lines_user ON device_lines (domain, user_name);
