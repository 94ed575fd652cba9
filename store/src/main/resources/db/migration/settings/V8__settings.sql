-- Live settings (proxy-core's spi.settings): one row per stored setting, its value as text.
-- The column names avoid VALUE and KEY, reserved words in H2 2.x.
CREATE TABLE settings (
    section_name  VARCHAR(64)   NOT NULL,
    setting_name  VARCHAR(128)  NOT NULL,
    setting_value VARCHAR(4000) NOT NULL,
    PRIMARY KEY (section_name, setting_name)
);
