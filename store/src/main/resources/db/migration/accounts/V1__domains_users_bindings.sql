-- Portable SQL (H2 2.x and PostgreSQL): standard types only, no upsert dialect.

CREATE TABLE domains (
    name VARCHAR(253) NOT NULL PRIMARY KEY
);

CREATE TABLE users (
    domain       VARCHAR(253) NOT NULL REFERENCES domains (name),
    name         VARCHAR(64)  NOT NULL,
    display_name VARCHAR(128),
    enabled      BOOLEAN      NOT NULL,
    -- AES-GCM ciphertext of the SIP password, Base64; the key is kept outside the database
    password_enc VARCHAR(512) NOT NULL,
    -- RFC 7616 §3.4.2 A1 hashes with realm = domain, lower-case hex
    ha1_md5      CHAR(32)     NOT NULL,
    ha1_sha256   CHAR(64)     NOT NULL,
    PRIMARY KEY (domain, name)
);

CREATE TABLE bindings (
    aor            VARCHAR(320)  NOT NULL,
    binding_key    VARCHAR(1100) NOT NULL,
    contact_uri    VARCHAR(1024) NOT NULL,
    q_thousandths  INT           NOT NULL,
    expires_at     BIGINT        NOT NULL,
    call_id        VARCHAR(255)  NOT NULL,
    cseq           BIGINT        NOT NULL,
    -- Path header values joined by line feeds (a header value never contains one)
    path           VARCHAR(4000) NOT NULL,
    instance_id    VARCHAR(255),
    reg_id         INT           NOT NULL,
    transport      VARCHAR(8)    NOT NULL,
    local_address  VARCHAR(64)   NOT NULL,
    local_port     INT           NOT NULL,
    remote_address VARCHAR(64)   NOT NULL,
    remote_port    INT           NOT NULL,
    connection_id  BIGINT        NOT NULL,
    user_agent     VARCHAR(255),
    PRIMARY KEY (aor, binding_key)
);

CREATE INDEX bindings_expires_at ON bindings (expires_at);
