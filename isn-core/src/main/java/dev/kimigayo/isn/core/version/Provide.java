package dev.kimigayo.isn.core.version;

import java.util.Objects;

/**
 * A name a package provides: {@code so:libc.musl-x86_64.so.1=1.2.4} (versioned, can be chosen
 * automatically) or {@code cmd:sh} (virtual, needs provider_priority or an explicit choice).
 *
 * @param name    the provided name
 * @param version the provided version, or null for a virtual (unversioned) provide
 */
public record Provide(String name, String version) {

    /** Checks that a name is present. */
    public Provide {
        Objects.requireNonNull(name, "name");
    }

    /** Parses {@code name} or {@code name=version}. */
    public static Provide parse(String text) throws ConstraintSyntaxException {
        Constraint c = ConstraintParser.parse(text);
        if (c.conflict()) {
            throw new ConstraintSyntaxException(text, 0, "a provide cannot be a conflict");
        }
        if (c.tag() != null) {
            throw new ConstraintSyntaxException(text, text.indexOf('@'), "a provide cannot carry a repository tag");
        }
        if (c.op() != null && c.op() != Op.EQ) {
            throw new ConstraintSyntaxException(text, c.name().length(), "a provide may only use '='");
        }
        return new Provide(c.name(), c.version());
    }

    /** Whether this is a virtual (unversioned) provide. */
    public boolean isVirtual() {
        return version == null;
    }

    /** The canonical text, which parses back to an equal record. */
    @Override
    public String toString() {
        return version == null ? name : name + "=" + version;
    }

    // Written out, as in every record on the commands' start-up path: a record's generated
    // equals and hashCode are bound through method handles on first use, which spins classes at
    // run time that the class-data archive cannot hold (docs/benchmarks.md, start-up, "Third round").
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Provide o
                && Objects.equals(name, o.name)
                && Objects.equals(version, o.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version);
    }
}
