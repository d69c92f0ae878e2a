package dev.graft.host;

/** Where a source plugin stands. */
public enum PluginState {
    /**
     * Installed, started, and its components settled: active, or waiting for a configuration or a
     * service that nothing in the load brings (see {@link ComponentState#waitingFor()}).
     */
    ACTIVE,
    /**
     * It could not be built, installed or started, or its start was stuck past the start deadline;
     * nothing of it stays installed (a stuck bundle is uninstalled once its start returns).
     */
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
