package org.switchboard.registrar;

/**
 * How the registrar keeps its bindings beyond memory, chosen in {@link RegistrarConfig} (after
 * Kamailio usrloc's db modes). In every mode the location service answers from memory; the mode only
 * decides when a REGISTER is answered and what survives a restart.
 */
public enum Persistence {
    /** Bindings live in memory only: nothing is loaded at start or written; a restart loses them. */
    MEMORY,
    /**
     * Every batch of changes is committed to the binding store durably before the 200 OK; at start
     * the bindings are loaded back from the store.
     */
    WRITE_THROUGH,
    /**
     * Every batch of changes is appended to a journal on disk and synced before the 200 OK; the
     * binding store is written behind from the journal, and a restart replays what it had not taken
     * yet (see {@link org.switchboard.registrar.binding.JournaledBindingStore}).
     */
    JOURNAL
}
