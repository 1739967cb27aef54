package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Provide;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Repositories and installed database compiled into integer-indexed names and merged candidates.
 * Built once per solve (or once per loaded index, see {@link Solver#prepare}); read-only after.
 */
final class Universe {
    final List<Repository> repositories;
    final String arch;
    final ProvidesPolicy policy;
    final List<String> tags = new ArrayList<>();
    final Map<String, Integer> nameIds = new HashMap<>();
    final List<String> names = new ArrayList<>();
    final List<List<Prov>> providers = new ArrayList<>();
    final List<Cand> cands = new ArrayList<>();
    final List<Cand> installIfCands = new ArrayList<>();
    private final Map<String, Cand> byIdentity = new HashMap<>();

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
                if (!c.repos.contains(r)) {
                    c.repos.add(r);
                }
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
        }
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
        Integer id = nameIds.get(name);
        if (id != null) {
            return id;
        }
        nameIds.put(name, names.size());
        names.add(name);
        providers.add(new ArrayList<>(1));
        return names.size() - 1;
    }

    /** The index of an existing name, or -1. */
    int findName(String name) {
        Integer id = nameIds.get(name);
        return id == null ? -1 : id;
    }

    private Cand intern(SolverPackage p) {
        String key = p.name() + '\0' + p.version() + '\0' + (p.id() == null ? "" : p.id());
        Cand c = byIdentity.get(key);
        if (c == null) {
            c = new Cand(cands.size(), p, nameId(p.name()));
            cands.add(c);
            byIdentity.put(key, c);
        }
        return c;
    }

    private void compile(Cand c) {
        SolverPackage p = c.pkg;
        c.archOk = p.arch() == null || p.arch().equals("noarch") || p.arch().equals(arch);
        List<Dep> deps = new ArrayList<>();
        List<Dep> conflicts = new ArrayList<>();
        for (Constraint d : p.depends()) {
            if (d.tag() != null && c.broken == null) {
                c.broken = "its dependency " + d + " names a repository tag, which only world entries may";
                c.brokenCause = Explanation.Cause.BROKEN_PACKAGE;
            }
            (d.conflict() ? conflicts : deps).add(new Dep(nameId(d.name()), d));
        }
        c.deps = deps.toArray(Dep[]::new);
        c.conflicts = conflicts.toArray(Dep[]::new);
        c.installIf = p.installIf().stream().map(d -> new Dep(nameId(d.name()), d)).toArray(Dep[]::new);
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
