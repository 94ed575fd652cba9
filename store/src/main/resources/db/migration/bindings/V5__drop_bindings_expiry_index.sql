-- Nothing reads bindings by expiry: they are loaded whole at start and purged from memory, then
-- deleted by key. The index cost a delete and an insert on every refresh.
DROP INDEX bindings_expires_at;
