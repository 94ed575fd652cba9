-- The dial plan: rules per domain as the admin wrote them, named schedules, users' permission
-- classes, the plan's options, and one revision counter that every change increases so that running
-- servers know to recompile.
CREATE TABLE dialplan_rules (
    sip_domain      VARCHAR(255)  NOT NULL,
    rule_name       VARCHAR(128)  NOT NULL,
    rule_priority   INT           NOT NULL,
    caller_cond     VARCHAR(512)  NOT NULL,
    callee          VARCHAR(1024) NOT NULL,
    schedule_name   VARCHAR(128),
    rule_action     VARCHAR(1024) NOT NULL,
    rewrite         VARCHAR(512),
    PRIMARY KEY (sip_domain, rule_name)
);

CREATE TABLE dialplan_schedules (
    schedule_name   VARCHAR(128)  NOT NULL PRIMARY KEY,
    spec            VARCHAR(2048) NOT NULL
);

CREATE TABLE dialplan_classes (
    sip_domain       VARCHAR(255) NOT NULL,
    user_name        VARCHAR(128) NOT NULL,
    permission_class VARCHAR(32)  NOT NULL,
    PRIMARY KEY (sip_domain, user_name)
);

CREATE TABLE dialplan_options (
    option_name     VARCHAR(64)   NOT NULL PRIMARY KEY,
    option_value    VARCHAR(1024) NOT NULL
);

CREATE TABLE dialplan_revision (
    id              INT     NOT NULL PRIMARY KEY,
    revision        BIGINT  NOT NULL
);
INSERT INTO dialplan_revision (id, revision) VALUES (1, 0);
