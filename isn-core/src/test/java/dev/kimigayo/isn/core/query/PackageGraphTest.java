package dev.kimigayo.isn.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Provide;

/** The dependency graph behind why, info -r, dot and list -O, on hand-made packages. */
class PackageGraphTest {

    private static GraphNode node(String name, String version, String depends, String provides, String installIf)
            throws Exception {
        return new GraphNode(new PackageRef(name, version), constraints(depends), provides(provides),
                constraints(installIf));
    }

    private static List<Constraint> constraints(String words) throws Exception {
        List<Constraint> all = new ArrayList<>();
        for (String w : words.isBlank() ? new String[0] : words.split(" ")) {
            all.add(Constraint.parse(w));
        }
        return all;
    }

    private static List<Provide> provides(String words) throws Exception {
        List<Provide> all = new ArrayList<>();
        for (String w : words.isBlank() ? new String[0] : words.split(" ")) {
            all.add(Provide.parse(w));
        }
        return all;
    }

    private static PackageGraph graph() throws Exception {
        return new PackageGraph(List.of(
                node("app", "1", "lib>=2 so:libz.so.1 !old", "", ""),
                node("lib", "2", "base", "", ""),
                node("zlib", "1.3", "", "so:libz.so.1=1.3", ""),
                node("base", "1", "", "cmd:sh", ""),
                node("old", "1", "", "", ""),
                node("app-doc", "1", "", "", "app docs"),
                node("docs", "1", "", "", ""),
                node("wants-sh", "1", "cmd:sh>1", "", "")));
    }

    @Test
    void edgesFollowNamesVersionsAndProvidesButNotConflicts() throws Exception {
        PackageGraph g = graph();
        List<String> edges = g.edgesFrom("app").stream().map(e -> e.needs() + ">" + e.to().name()).toList();
        assertEquals(List.of("lib>=2>lib", "so:libz.so.1>zlib", "app>app-doc"), edges);
        // An unversioned provide never satisfies a versioned dependency (apk).
        assertEquals(List.of(), g.edgesFrom("wants-sh"));
        assertEquals(List.of("app"), g.dependents("zlib").stream().map(e -> e.from().name()).toList());
    }

    @Test
    void shortestPathsAndKeptSets() throws Exception {
        PackageGraph g = graph();
        assertEquals(List.of("app", "lib"), g.shortestPath("app", "base").stream().map(e -> e.from().name()).toList());
        assertNull(g.shortestPath("base", "app"));
        // app-doc needs both app and docs kept: with docs alone out of the world it goes too.
        assertEquals(Set.of("app", "lib", "zlib", "base"), g.keptBy(List.of("app")));
        assertEquals(Set.of("app", "lib", "zlib", "base", "docs", "app-doc"), g.keptBy(List.of("app", "docs")));
    }
}
