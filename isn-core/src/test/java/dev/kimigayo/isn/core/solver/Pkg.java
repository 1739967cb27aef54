package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.ConstraintSyntaxException;
import dev.kimigayo.isn.core.version.Provide;
import java.util.ArrayList;
import java.util.List;

/** A terse builder of solver packages for tests: {@code Pkg.of("a", "3").dep("b d>1.5").build()}. */
final class Pkg {
    private final String name;
    private final String version;
    private String arch;
    private final List<Constraint> deps = new ArrayList<>();
    private final List<Provide> provides = new ArrayList<>();
    private final List<Constraint> iif = new ArrayList<>();
    private int prio;

    private Pkg(String name, String version) {
        this.name = name;
        this.version = version;
    }

    static Pkg of(String name, String version) {
        return new Pkg(name, version);
    }

    Pkg dep(String space) throws ConstraintSyntaxException {
        for (String s : space.trim().split("\\s+")) {
            deps.add(Constraint.parse(s));
        }
        return this;
    }

    Pkg provides(String space) throws ConstraintSyntaxException {
        for (String s : space.trim().split("\\s+")) {
            provides.add(Provide.parse(s));
        }
        return this;
    }

    Pkg installIf(String space) throws ConstraintSyntaxException {
        for (String s : space.trim().split("\\s+")) {
            iif.add(Constraint.parse(s));
        }
        return this;
    }

    Pkg prio(int p) {
        prio = p;
        return this;
    }

    Pkg arch(String a) {
        arch = a;
        return this;
    }

    SolverPackage build() {
        return new SolverPackage(name, version, arch, deps, provides, iif, prio, null, null);
    }

    static List<Constraint> world(String space) throws ConstraintSyntaxException {
        List<Constraint> out = new ArrayList<>();
        for (String s : space.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                out.add(Constraint.parse(s));
            }
        }
        return out;
    }

    static Repository repo(Pkg... pkgs) {
        List<SolverPackage> l = new ArrayList<>();
        for (Pkg p : pkgs) {
            l.add(p.build());
        }
        return Repository.of(null, l);
    }
}
