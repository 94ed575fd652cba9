-- Trunks (gateways and providers) and the state of their outbound registrations: the Call-ID and
-- CSeq a registration continues with after a restart or an edit, and the status for the admin.
CREATE TABLE trunks (
    trunk_name      VARCHAR(64)   NOT NULL PRIMARY KEY,
    sip_domain      VARCHAR(255)  NOT NULL,
    host            VARCHAR(255)  NOT NULL,
    port            INT           NOT NULL,
    transport       VARCHAR(8)    NOT NULL,
    username        VARCHAR(128),
    password        VARCHAR(256),
    realm           VARCHAR(255),
    outbound_proxy  VARCHAR(512),
    from_user       VARCHAR(64),
    identity        VARCHAR(8)    NOT NULL,
    registers       BOOLEAN       NOT NULL,
    expiry          INT           NOT NULL
);

CREATE TABLE trunk_registrations (
    trunk_name      VARCHAR(64)   NOT NULL PRIMARY KEY,
    call_id         VARCHAR(255)  NOT NULL,
    cseq            BIGINT        NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    reason          VARCHAR(512),
    next_attempt_ms BIGINT,
    expires_at_ms   BIGINT
);
