package dev.kimigayo.isn.core.query;

import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.repo.IndexEntry;
import dev.kimigayo.isn.core.solver.Repository;
import dev.kimigayo.isn.core.solver.SolverPackage;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Provide;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * Repositories and installed rows as the solver and the graph see them: the one conversion the
 * install engine ({@code planner.Universe}) and the queries share, so a query answers what an
 * install would do.
 */
public final class SolverInput {

    private SolverInput() {
    }

    /** A repository for the solver; each package's {@code ref} is its index entry. */
    public static Repository repository(LoadedRepository r, boolean keepTag) {
        List<SolverPackage> packages = new ArrayList<>();
        for (IndexEntry e : r.index().packages()) {
            packages.add(pkg(e.info(), e));
        }
        return new Repository(keepTag ? r.entry().tag().orElse(null) : null, true, packages);
    }

    public static SolverPackage pkg(PkgInfo i, Object ref) {
        return new SolverPackage(i.name(), i.version(), i.architecture(), i.depends(), i.provides(), i.installIf(),
                i.providerPriority(), i.sha256(), ref);
    }

    /** An installed row for the solver, with the tag it is pinned to. */
    public static dev.kimigayo.isn.core.solver.InstalledPackage installed(InstalledPackage p) throws IsnException {
        GraphNode n = node(p);
        return new dev.kimigayo.isn.core.solver.InstalledPackage(new SolverPackage(p.name(), p.version(), p.arch(),
                n.depends(), n.provides(), n.installIf(), p.providerPriority(), p.sha256(), p), p.tag());
    }

    /** An installed row as a graph node (the database keeps PKGINFO's words; parse them). */
    static GraphNode node(InstalledPackage p) throws IsnException {
        List<Constraint> depends = new ArrayList<>();
        for (String d : p.depends()) {
            depends.add(Constraint.parse(d));
        }
        List<Provide> provides = new ArrayList<>();
        for (String d : p.provides()) {
            provides.add(Provide.parse(d));
        }
        List<Constraint> installIf = new ArrayList<>();
        for (String d : p.installIf()) {
            installIf.add(Constraint.parse(d));
        }
        return new GraphNode(new PackageRef(p.name(), p.version()), depends, provides, installIf);
    }

    /** A solver package as a graph node. */
    static GraphNode node(SolverPackage p) {
        return new GraphNode(new PackageRef(p.name(), p.version()), p.depends(), p.provides(), p.installIf());
    }
}
