package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Constraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How each operation changes the world file. */
final class WorldEdit {
    private WorldEdit() {
    }

    /** The world after the request: add replaces entries of the same name, remove drops every entry of a name. */
    static List<Constraint> apply(List<Constraint> world, SolveRequest r) {
        List<Constraint> out = new ArrayList<>(world);
        switch (r.operation()) {
            case ADD -> {
                List<Constraint> added = r.virtual() == null ? r.targets()
                        : List.of(new Constraint(r.virtual().name(), null, null, null, false));
                Set<String> names = new HashSet<>();
                added.forEach(c -> names.add(c.name()));
                out.removeIf(c -> names.contains(c.name()));
                out.addAll(added);
            }
            case REMOVE -> {
                Set<String> names = new HashSet<>();
                r.targets().forEach(c -> names.add(c.name()));
                out.removeIf(c -> names.contains(c.name()));
            }
            default -> {
            }
        }
        return sorted(out);
    }

    /** Sorted by name, then by text, so that the world's order never influences the result. */
    static List<Constraint> sorted(List<Constraint> world) {
        List<Constraint> out = new ArrayList<>(world);
        out.sort(Comparator.comparing(Constraint::name).thenComparing(Constraint::toString));
        return out;
    }
}
