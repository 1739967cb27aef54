package dev.kimigayo.isn.core.inspect;

import java.util.List;

/**
 * One path {@code isn audit} reports: an installed path that differs from its database record,
 * or (when asked) a path in a package's directory that no package installed.
 *
 * @param path        the path, relative to the root
 * @param pkg         the package that installed it; null for a new path
 * @param config      a protected configuration file (PKGINFO {@code config}, or under {@code etc/})
 * @param differences what differs, in the order {@link InstalledPathCheck} finds it; empty for a new path
 */
public record AuditFinding(String path, String pkg, boolean config, List<Damage.Problem> differences) {

    /** Copies the list. */
    public AuditFinding {
        differences = List.copyOf(differences);
    }

    /** Whether no package installed this path. */
    public boolean isNew() {
        return pkg == null;
    }
}
