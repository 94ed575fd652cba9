-- A contact with +sip.instance and no reg-id is keyed by its instance from now on, no longer by its
-- URI, so that a phone rebooting onto a new contact URI replaces its binding (RFC 5626 §4.1: the
-- instance ID survives power cycles). Of the rows one instance left behind under the old keys, the
-- one expiring last stays. Portable SQL (H2 2.x and PostgreSQL).
DELETE FROM bindings b
WHERE b.instance_id IS NOT NULL AND b.reg_id = 0 AND EXISTS (
    SELECT 1 FROM bindings later
    WHERE later.aor = b.aor AND later.instance_id = b.instance_id AND later.reg_id = 0
      AND (later.expires_at > b.expires_at
           OR (later.expires_at = b.expires_at AND later.binding_key > b.binding_key)));
UPDATE bindings SET binding_key = 'instance:' || instance_id WHERE instance_id IS NOT NULL AND reg_id = 0;
