-- The firmware image an admin set per phone model (switchboard device firmware); a phone of the
-- model is pointed at it through its settings file. Portable SQL (H2 2.x and PostgreSQL).
CREATE TABLE firmware (
    -- the model as phones report it, e.g. snomD785
    model VARCHAR(64)   NOT NULL PRIMARY KEY,
    -- absolute http:// or https:// URL of the image
    url   VARCHAR(2048) NOT NULL
);
