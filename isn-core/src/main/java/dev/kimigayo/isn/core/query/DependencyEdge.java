package dev.kimigayo.isn.core.query;

/**
 * One reason a package needs another: {@code from} depends on {@code needs} (a constraint in the
 * PKGINFO syntax) and {@code to} satisfies it, by name or by a name it provides; or {@code to}'s
 * {@code install_if} condition {@code needs} names {@code from} (kind INSTALL_IF).
 */
public record DependencyEdge(PackageRef from, String needs, PackageRef to, Kind kind) {

    /** Why the edge exists. */
    public enum Kind {
        /** {@code from} lists {@code needs} in its {@code depends}. */
        DEPENDS,
        /** {@code to} is installed because its {@code install_if} conditions, {@code needs} among them, hold. */
        INSTALL_IF
    }
}
