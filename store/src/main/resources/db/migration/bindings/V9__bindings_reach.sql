-- How the proxy reaches a contact: over the flow its REGISTER came on (FLOW: behind a NAT, an RFC
-- 5626 flow) or at its Contact URI (CONTACT, RFC 3261 §16.5). Rows written before this column were
-- all reached over their flow. Portable SQL (H2 2.x and PostgreSQL).
ALTER TABLE bindings ADD COLUMN reach VARCHAR(8) DEFAULT 'FLOW' NOT NULL;
