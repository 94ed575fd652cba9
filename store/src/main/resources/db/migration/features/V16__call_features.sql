-- Call features: each user's forwarding, do-not-disturb and follow-me, the hunt groups, options
-- (voicemail URI templates, feature codes), and one revision counter that every change increases so
-- that running servers know to reload.
CREATE TABLE feature_users (
    sip_domain          VARCHAR(255)  NOT NULL,
    user_name           VARCHAR(128)  NOT NULL,
    forward_always      VARCHAR(512),
    forward_busy        VARCHAR(512),
    forward_no_answer   VARCHAR(512),
    no_answer_seconds   INT,
    do_not_disturb      BOOLEAN       NOT NULL,
    follow_me           VARCHAR(1024),
    PRIMARY KEY (sip_domain, user_name)
);

CREATE TABLE feature_groups (
    sip_domain      VARCHAR(255)  NOT NULL,
    group_name      VARCHAR(128)  NOT NULL,
    strategy        VARCHAR(32)   NOT NULL,
    ring_seconds    INT,
    members         VARCHAR(2048) NOT NULL,
    fallback        VARCHAR(512),
    PRIMARY KEY (sip_domain, group_name)
);

CREATE TABLE feature_options (
    option_name     VARCHAR(300)  NOT NULL PRIMARY KEY,
    option_value    VARCHAR(1024) NOT NULL
);

CREATE TABLE feature_revision (
    id              INT     NOT NULL PRIMARY KEY,
    revision        BIGINT  NOT NULL
);
INSERT INTO feature_revision (id, revision) VALUES (1, 0);
