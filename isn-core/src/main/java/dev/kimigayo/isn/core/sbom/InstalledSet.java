package dev.kimigayo.isn.core.sbom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.query.DependencyEdge;
import dev.kimigayo.isn.core.query.RootQuery;
import dev.kimigayo.isn.db.InstallReason;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * The installed packages of a root and their dependency edges, sorted (packages by name, edges
 * by source, target and constraint) so that the same root always gives the same document.
 */
public record InstalledSet(List<SbomPackage> packages, List<SbomEdge> edges) {

    private static final Comparator<SbomEdge> EDGE_ORDER = Comparator.comparing(SbomEdge::from)
            .thenComparing(SbomEdge::to).thenComparing(SbomEdge::needs);

    /** Sorts, removes duplicate edges and freezes the lists. */
    public InstalledSet {
        packages = packages.stream().sorted(Comparator.comparing(SbomPackage::name)).toList();
        edges = List.copyOf(new LinkedHashSet<>(edges.stream().sorted(EDGE_ORDER).toList()));
    }

    /**
     * Reads the root of {@code settings}: a read-only database, no lock, no network. Edges are the
     * {@code depends} the graph of {@code isn why} and {@code isn dot} finds; {@code install_if}
     * triggers are not dependencies and are left out.
     */
    public static InstalledSet read(EngineSettings settings) throws IsnException {
        try (RootQuery q = RootQuery.open(settings)) {
            List<InstalledPackage> rows = q.installedPackages();
            List<SbomPackage> packages = rows.stream().map(InstalledSet::of).toList();
            List<SbomEdge> edges = new ArrayList<>();
            List<String> names = rows.stream().map(InstalledPackage::name).toList();
            if (!names.isEmpty()) {
                for (DependencyEdge e : q.installedGraph(names).edges()) {
                    if (e.kind() == DependencyEdge.Kind.DEPENDS && !e.from().name().equals(e.to().name())) {
                        edges.add(new SbomEdge(e.from().name(), e.needs(), e.to().name()));
                    }
                }
            }
            return new InstalledSet(packages, edges);
        }
    }

    /** For every package, by name, the names of the packages its dependencies resolve to: sorted, each once. */
    public Map<String, List<String>> dependencies() {
        Map<String, Set<String>> to = new TreeMap<>();
        packages.forEach(p -> to.put(p.name(), new TreeSet<>()));
        edges.forEach(e -> to.get(e.from()).add(e.to()));
        Map<String, List<String>> out = new TreeMap<>();
        to.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    private static SbomPackage of(InstalledPackage p) {
        return new SbomPackage(p.name(), p.version(), p.arch(), p.license(), p.origin(), p.description(), p.url(),
                p.repository(), p.fileSha256(), p.reason() == InstallReason.EXPLICIT);
    }
}
