package dev.graft.host;

/**
 * A plugin bundle that was uninstalled (by an unload or a swap) whose class loader is still
 * reachable: something still holds one of its classes or objects, a thread it started for example.
 *
 * @param name the plugin's name
 * @param location the location of the retired bundle
 * @param bundleId the id the retired bundle had
 * @param retiredMillisAgo how long ago it was uninstalled
 */
public record RetiredRevision(String name, String location, long bundleId, long retiredMillisAgo) {
}
