package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Constraint;

/** A constraint with its name resolved to an index. */
record Dep(int nameId, Constraint c) {

    /** Whether a provider offering the name at {@code version} (null = virtual) fits. */
    boolean fits(String version) {
        if (c.op() == null) {
            return true;
        }
        return version != null && c.allowsVersion(version);
    }
}
