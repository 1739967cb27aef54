package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Provide;
import java.util.List;
import java.util.Objects;

/**
 * One package version as the solver sees it: identity, relations and nothing else.
 *
 * @param name             the package name
 * @param version          its version (apk syntax)
 * @param arch             its architecture, {@code noarch}, or null for "fits everywhere"
 * @param depends          dependencies and conflicts ({@code !name}) in declared order
 * @param provides         versioned and virtual provides
 * @param installIf        conditions that, when all hold, install this package automatically
 * @param providerPriority preference among providers of a virtual name (0 = none)
 * @param id               an opaque build identity (e.g. a hash); two packages with the same name,
 *                         version and id are the same package, a different id is a different
 *                         build of that version. May be null.
 * @param ref              an opaque object for the caller (e.g. its index entry); never read
 */
public record SolverPackage(String name, String version, String arch, List<Constraint> depends,
        List<Provide> provides, List<Constraint> installIf, int providerPriority, String id, Object ref) {

    /** Copies the lists and checks the required fields. */
    public SolverPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        depends = List.copyOf(depends);
        provides = List.copyOf(provides);
        installIf = List.copyOf(installIf);
    }

    /** A package with only a name, a version and dependencies (tests, virtual packages). */
    public static SolverPackage of(String name, String version, List<Constraint> depends) {
        return new SolverPackage(name, version, null, depends, List.of(), List.of(), 0, null, null);
    }

    /** {@code name-version}, apk's way of naming one package version. */
    public String nameVersion() {
        return name + "-" + version;
    }
}
