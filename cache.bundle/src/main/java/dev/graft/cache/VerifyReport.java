package dev.graft.cache;

import java.util.List;

/**
 * The answer of {@link PluginCache#verify}.
 *
 * @param checked entries checked
 * @param bad one line per bad entry: its file and what is wrong with it
 * @param quarantined bad entries moved to {@code quarantine/} (none when read-only)
 */
public record VerifyReport(int checked, List<String> bad, int quarantined) {

    public VerifyReport {
        bad = List.copyOf(bad);
    }

    /** @return whether every entry passed */
    public boolean clean() {
        return bad.isEmpty();
    }
}
