package dev.kimigayo.isn.core.solver;

/** Whether two installed packages may provide the same name with a version. */
public enum ProvidesPolicy {
    /**
     * apk's rule, isn's default: a versioned provide ({@code so:libfoo.so.1=1.2}) claims the name
     * like a real package does, so at most one installed package provides it; virtual (unversioned)
     * provides may be shared.
     */
    EXCLUSIVE,
    /**
     * Debian's rule: any number of installed packages may provide a name, versioned or not; only
     * a real package name is exclusive (one version of a package at a time); and, as apt does, a
     * virtual name with exactly one provider is satisfied by it automatically. Used to solve graphs
     * converted from Debian metadata, such as the bookworm dataset of the scale tests.
     */
    SHARED
}
