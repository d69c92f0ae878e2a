package dev.graft.host;

/** Where a source plugin stands. */
public enum PluginState {
    /** Installed, started, and its components active or waiting only for services. */
    ACTIVE,
    /** It could not be built, installed or started; nothing of it stays installed. */
    FAILED,
    /** Not loaded because a plugin it depends on failed. */
    SKIPPED,
    /** It was loaded once and has been uninstalled since. */
    UNLOADED
}
