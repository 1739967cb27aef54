package dev.kimigayo.isn.core.query;

import java.util.List;

import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Provide;

/** A package as the dependency graph sees it: what it needs, provides, and is installed with. */
record GraphNode(PackageRef ref, List<Constraint> depends, List<Provide> provides, List<Constraint> installIf) {

    /** Whether this package satisfies {@code c} (ignoring its conflict flag), by name or by a provide. */
    boolean satisfies(Constraint c) {
        if (ref.name().equals(c.name())) {
            return c.allowsVersion(ref.version());
        }
        for (Provide p : provides) {
            // As apk: an unversioned provide satisfies only an unversioned dependency.
            if (p.name().equals(c.name()) && (p.version() == null ? c.op() == null : c.allowsVersion(p.version()))) {
                return true;
            }
        }
        return false;
    }
}
