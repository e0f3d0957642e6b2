package org.coconnect.config;

import java.util.List;

/** What a reload changed: the partners now configured, those added and removed, and what needs a restart. */
public record ReloadOutcome(List<String> partners, List<String> added, List<String> removed, List<String> needRestart) {

    public ReloadOutcome {
        partners = List.copyOf(partners);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        needRestart = List.copyOf(needRestart);
    }
}
