package dev.kimigayo.isn.core.fileplan;

import java.util.List;
import java.util.Set;

/**
 * The files of one package version as the file planner sees them: its paths, which of them are
 * protected configuration, and whose files it may take over ({@code replaces}).
 */
public record PackageFiles(String name, List<FileEntry> files, Set<String> config, Set<String> replaces) {

    /** Freezes the collections. */
    public PackageFiles {
        files = List.copyOf(files);
        config = Set.copyOf(config);
        replaces = Set.copyOf(replaces);
    }

    /** True when {@code path} is protected: listed in PKGINFO {@code config}, or anywhere under {@code etc/}. */
    public boolean isConfig(String path) {
        return config.contains(path) || path.startsWith("etc/");
    }
}
