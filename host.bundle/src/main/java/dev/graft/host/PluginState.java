package dev.graft.host;

/** Where a source plugin stands. */
public enum PluginState {
    /** Installed, started, and its components active or waiting only for services (the records read live say which). */
    ACTIVE,
    /** It could not be built, installed or started; nothing of it stays installed. */
    FAILED,
    /** Not loaded because a plugin it depends on failed. */
    SKIPPED,
    /** It was loaded once and has been uninstalled since. */
    UNLOADED,
    /**
     * Its bundle is installed but not resolved, so none of its code runs: a plugin it was wired
     * to left, for example. The record's problems name the import that is missing.
     */
    UNRESOLVED,
    /** Its bundle is installed and resolved, but not active: someone stopped it, or it failed to start again after a refresh. */
    STOPPED
}
