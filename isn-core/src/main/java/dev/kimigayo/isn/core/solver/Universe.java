package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Provide;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Repositories and installed database compiled into integer-indexed names and merged candidates.
 * Built once per solve (or once per loaded index, see {@link Solver#prepare}); read-only after.
 */
final class Universe {
    private static final Dep[] NO_DEPS = new Dep[0];
    final List<Repository> repositories;
    final String arch;
    final ProvidesPolicy policy;
    final List<String> tags = new ArrayList<>();
    private final NameTable nameIds = new NameTable();
    final List<String> names = new ArrayList<>();
    final List<List<Prov>> providers = new ArrayList<>();
    final List<Cand> cands = new ArrayList<>();
    final List<Cand> installIfCands = new ArrayList<>();
    /** The first candidate of each name id (null while there is none); the rest chain through Cand.sameName. */
    private List<Cand> byName = new ArrayList<>();
    /**
     * One Dep per Constraint object: indexes share constraint objects between packages (loaders
     * intern them), and a Dep is a pure function of its constraint once names have ids.
     */
    private Map<Constraint, Dep> depOf = new IdentityHashMap<>();

    private Universe(List<Repository> repositories, String arch, ProvidesPolicy policy) {
        this.repositories = repositories;
        this.arch = arch;
        this.policy = policy;
        tags.add("");
    }

    /** Compiles repositories, the installed database and local packages (virtual meta-packages). */
    static Universe build(List<Repository> repos, List<InstalledPackage> installed, List<SolverPackage> locals,
            String arch, ProvidesPolicy policy) {
        Universe u = new Universe(List.copyOf(repos), arch, policy);
        for (Repository r : repos) {
            u.tagBit(r.tag());
        }
        for (InstalledPackage ip : installed) {
            u.tagBit(ip.tag());
        }
        for (int r = 0; r < repos.size(); r++) {
            Repository repo = repos.get(r);
            for (SolverPackage p : repo.packages()) {
                Cand c = u.intern(p);
                c.addRepo(r);
                c.tagMask |= u.tagBit(repo.tag());
                c.available |= repo.available();
            }
        }
        for (InstalledPackage ip : installed) {
            Cand c = u.intern(ip.pkg());
            c.installed = ip;
            c.tagMask |= u.tagBit(ip.tag());
        }
        for (SolverPackage p : locals) {
            Cand c = u.intern(p);
            c.available = true;
            c.tagMask |= 1L;
        }
        for (Cand c : u.cands) {
            u.compile(c);
            c.sameName = null;
        }
        // Only building needs these; the universe lives as long as its loaded index.
        u.byName = null;
        u.depOf = null;
        return u;
    }

    long tagBit(String tag) {
        String t = tag == null ? "" : tag;
        int i = tags.indexOf(t);
        if (i < 0) {
            if (tags.size() >= 63) {
                throw new IllegalArgumentException("more than 62 repository tags");
            }
            tags.add(t);
            i = tags.size() - 1;
        }
        return 1L << i;
    }

    String tagName(long bit) {
        String t = tags.get(Long.numberOfTrailingZeros(bit));
        return t.isEmpty() ? null : t;
    }

    int nameId(String name) {
        int id = nameIds.get(name);
        if (id >= 0) {
            return id;
        }
        nameIds.put(name, names.size());
        names.add(name);
        providers.add(new ArrayList<>(1));
        if (byName != null) {
            byName.add(null);
        }
        return names.size() - 1;
    }

    /** The index of an existing name, or -1. */
    int findName(String name) {
        return nameIds.get(name);
    }

    /** The candidate for p's (name, version, id), made on first sight. */
    private Cand intern(SolverPackage p) {
        int nameId = nameId(p.name());
        for (Cand c = byName.get(nameId); c != null; c = c.sameName) {
            if (c.pkg.version().equals(p.version()) && Objects.equals(c.pkg.id(), p.id())) {
                return c;
            }
        }
        Cand c = new Cand(cands.size(), p, nameId);
        c.sameName = byName.get(nameId);
        byName.set(nameId, c);
        cands.add(c);
        return c;
    }

    private Dep dep(Constraint d) {
        Dep dep = depOf.get(d);
        if (dep == null) {
            dep = new Dep(nameId(d.name()), d);
            depOf.put(d, dep);
        }
        return dep;
    }

    private void compile(Cand c) {
        SolverPackage p = c.pkg;
        c.archOk = p.arch() == null || p.arch().equals("noarch") || p.arch().equals(arch);
        int nConflicts = 0;
        for (Constraint d : p.depends()) {
            if (d.tag() != null && c.broken == null) {
                c.broken = "its dependency " + d + " names a repository tag, which only world entries may";
                c.brokenCause = Explanation.Cause.BROKEN_PACKAGE;
            }
            nConflicts += d.conflict() ? 1 : 0;
        }
        c.deps = nConflicts == p.depends().size() ? NO_DEPS : new Dep[p.depends().size() - nConflicts];
        c.conflicts = nConflicts == 0 ? NO_DEPS : new Dep[nConflicts];
        int nd = 0;
        int nc = 0;
        for (Constraint d : p.depends()) {
            if (d.conflict()) {
                c.conflicts[nc++] = dep(d);
            } else {
                c.deps[nd++] = dep(d);
            }
        }
        c.installIf = p.installIf().isEmpty() ? NO_DEPS : new Dep[p.installIf().size()];
        for (int i = 0; i < c.installIf.length; i++) {
            c.installIf[i] = dep(p.installIf().get(i));
        }
        if (c.installIf.length > 0) {
            installIfCands.add(c);
        }
        int n = p.provides().size() + 1;
        c.provNames = new int[n];
        c.provVersions = new String[n];
        c.provNames[0] = c.nameId;
        c.provVersions[0] = p.version();
        providers.get(c.nameId).add(new Prov(c, p.version()));
        for (int i = 1; i < n; i++) {
            Provide pr = p.provides().get(i - 1);
            int id = nameId(pr.name());
            for (int j = 0; j < i; j++) {
                if (c.provNames[j] == id && c.broken == null) {
                    c.broken = j == 0 ? "it provides its own name " + pr.name()
                            : "it provides " + pr.name() + " twice";
                    c.brokenCause = Explanation.Cause.SELF_CONFLICT;
                }
            }
            c.provNames[i] = id;
            c.provVersions[i] = pr.version();
            providers.get(id).add(new Prov(c, pr.version()));
        }
    }
}
