package dev.graft.cache;

/**
 * The answer of {@link PluginCache#prune}.
 *
 * @param evicted entries evicted to meet the limits
 * @param entries entries left
 * @param bytes bytes of the entries left
 * @param sweptFiles orphaned temporary files and index rows without an entry that were removed
 */
public record PruneReport(int evicted, long entries, long bytes, int sweptFiles) {
}
