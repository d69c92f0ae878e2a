package dev.graft.cache;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link PluginCache#find}: a hit with the bundle jar and its entry, or a miss with
 * its reason and a sentence for the log.
 */
public final class Lookup {

    private final CacheEntry entry;
    private final byte[] bundle;
    private final MissReason reason;
    private final String detail;

    private Lookup(CacheEntry entry, byte[] bundle, MissReason reason, String detail) {
        this.entry = entry;
        this.bundle = bundle;
        this.reason = reason;
        this.detail = detail;
    }

    /**
     * @param entry the entry found
     * @param bundle its verified bundle jar
     * @return a hit
     */
    public static Lookup hit(CacheEntry entry, byte[] bundle) {
        return new Lookup(Objects.requireNonNull(entry), Objects.requireNonNull(bundle), null, "hit");
    }

    /**
     * @param reason why there is no hit
     * @param detail what exactly, for the log
     * @return a miss
     */
    public static Lookup miss(MissReason reason, String detail) {
        return new Lookup(null, null, Objects.requireNonNull(reason), Objects.requireNonNull(detail));
    }

    /** @return whether this is a hit */
    public boolean isHit() {
        return reason == null;
    }

    /** @return the bundle jar of a hit; the array is the caller's */
    public Optional<byte[]> bundle() {
        return Optional.ofNullable(bundle);
    }

    /** @return the entry of a hit */
    public Optional<CacheEntry> entry() {
        return Optional.ofNullable(entry);
    }

    /** @return the reason of a miss */
    public Optional<MissReason> reason() {
        return Optional.ofNullable(reason);
    }

    /** @return {@code hit}, or what made this a miss */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return isHit() ? "hit " + entry.name() + "@" + entry.key().substring(0, 12) : "miss " + reason + ": " + detail;
    }
}
