package dev.kimigayo.isn.core.version;

import java.util.Objects;

/**
 * One dependency, conflict or world entry: {@code [!]name[@tag][op version]}, apk's grammar.
 *
 * @param name     the package or provided name (see {@link PackageNames#isValidDependencyName})
 * @param tag      the repository tag after {@code @}, or null
 * @param op       the version operator, or null when any version will do
 * @param version  the version the operator compares with (valid), or null exactly when op is null
 * @param conflict true for {@code !name...}: the named package must not be installed (in that range)
 */
public record Constraint(String name, String tag, Op op, String version, boolean conflict) {

    /** Checks the invariants: a name, and an operator exactly when there is a version. */
    public Constraint {
        Objects.requireNonNull(name, "name");
        if ((op == null) != (version == null)) {
            throw new IllegalArgumentException("op and version must both be present or both absent");
        }
    }

    /** Parses {@code [!]name[@tag][op version]}; errors point at the offending character. */
    public static Constraint parse(String text) throws ConstraintSyntaxException {
        return ConstraintParser.parse(text);
    }

    /** Whether a package at version {@code v} fits the version part (ignores {@link #conflict}). */
    public boolean allowsVersion(String v) {
        return op == null || op.test(v, version);
    }

    /** The canonical text, which parses back to an equal record. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (conflict) {
            s.append('!');
        }
        s.append(name);
        if (tag != null) {
            s.append('@').append(tag);
        }
        if (op != null) {
            s.append(op.symbol()).append(version);
        }
        return s.toString();
    }

    // Written out, as in every record on the commands' start-up path: a record's generated
    // equals and hashCode are bound through method handles on first use, which spins classes at
    // run time that the class-data archive cannot hold (docs/benchmarks.md, start-up, "Third round").
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Constraint o
                && Objects.equals(name, o.name)
                && Objects.equals(tag, o.tag)
                && op == o.op
                && Objects.equals(version, o.version)
                && conflict == o.conflict;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, tag, op, version, conflict);
    }
}
