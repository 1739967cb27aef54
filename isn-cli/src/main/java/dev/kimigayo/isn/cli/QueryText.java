package dev.kimigayo.isn.cli;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kimigayo.isn.core.query.DependencyEdge;
import dev.kimigayo.isn.core.query.DependencyPath;
import dev.kimigayo.isn.core.query.PackageRef;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.ConstraintSyntaxException;

/** Text and JSON for the dependency queries' values (why, info -r, dot), shared by their commands. */
final class QueryText {

    private QueryText() {
    }

    static ObjectNode ref(ObjectNode o, PackageRef r) {
        return o.put("name", r.name()).put("version", r.version());
    }

    static void edges(ArrayNode array, List<DependencyEdge> edges) {
        for (DependencyEdge e : edges) {
            ObjectNode o = array.addObject();
            ref(o.putObject("from"), e.from());
            o.put("needs", e.needs());
            ref(o.putObject("to"), e.to());
            o.put("kind", e.kind() == DependencyEdge.Kind.DEPENDS ? "depends" : "install_if");
        }
    }

    /** One step: {@code vim-9.0 needs so:libncursesw.so.6 (ncurses-libs-6.4)}, or an install_if trigger. */
    static String edge(DependencyEdge e) {
        if (e.kind() == DependencyEdge.Kind.INSTALL_IF) {
            return e.from() + " brings " + e.to() + " (install_if " + e.needs() + ")";
        }
        return e.from() + " needs " + e.needs() + (namesItself(e) ? "" : " (" + e.to() + ")");
    }

    private static boolean namesItself(DependencyEdge e) {
        try {
            return Constraint.parse(e.needs()).name().equals(e.to().name());
        } catch (ConstraintSyntaxException bad) {
            return false;
        }
    }

    /** A path as the solver's explanations word theirs: {@code world needs vim; vim-9.0 needs xxd; …}. */
    static String path(DependencyPath p) {
        StringBuilder s = new StringBuilder("world needs ").append(p.worldEntry());
        if (!p.worldEntry().equals(p.start().name())) {
            s.append(" (").append(p.start()).append(')');
        }
        for (DependencyEdge e : p.edges()) {
            s.append("; ").append(edge(e));
        }
        return s.toString();
    }
}
