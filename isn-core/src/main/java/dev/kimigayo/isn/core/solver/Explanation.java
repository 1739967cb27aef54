package dev.kimigayo.isn.core.solver;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Why no plan exists, as data: the contradiction ({@link #cause()} on {@link #name()}), the chains
 * of requirements from world entries that lead to it, and what the indexes do have. Renders as a
 * short chain of "because" sentences in the manner of PubGrub.
 *
 * @param cause        the kind of contradiction
 * @param name         the package or provided name where the contradiction shows
 * @param requirements the requirements that together cannot hold, each traced to a world entry
 * @param versions     the versions of {@code name} the indexes have (empty when none)
 * @param packages     the packages involved, as {@code name-version}
 * @param detail       cause-specific detail (an architecture, a tag, a newest version), or null
 */
public record Explanation(Cause cause, String name, List<Requirement> requirements, List<String> versions,
        List<String> packages, String detail) {

    /** The kinds of contradiction the solver can report. */
    public enum Cause {
        /** No index has anything by this name. */
        NOT_IN_INDEX,
        /** The name exists, but no version fits the constraint. */
        NO_MATCHING_VERSION,
        /** Two requirements on one name admit no common version. */
        VERSION_CONFLICT,
        /** A package or world entry declares a conflict ({@code !name}) with something needed. */
        DECLARED_CONFLICT,
        /** Two needed packages provide the same name (or are two versions of one package). */
        PROVIDER_CLASH,
        /** A package conflicts with itself (provides a name twice, or its own name). */
        SELF_CONFLICT,
        /** A virtual name has providers but none with a priority: the user must choose. */
        NEEDS_CHOICE,
        /** The only fitting packages are built for another architecture. */
        WRONG_ARCH,
        /** The only fitting packages are in a tagged repository that was not asked for. */
        TAG_NOT_ALLOWED,
        /** The only fitting packages cannot be fetched from any enabled repository. */
        NOT_AVAILABLE,
        /** The only fitting packages have malformed metadata. */
        BROKEN_PACKAGE,
        /** With latest, the newest version does not fit. */
        LATEST_UNSUITABLE
    }

    /**
     * One link of a chain: package {@code pkg} (as {@code name-version}) needs {@code needs}.
     *
     * @param pkg   the requiring package
     * @param needs the constraint it declares
     */
    public record Link(String pkg, String needs) {
    }

    /**
     * One requirement, traced back to the world.
     *
     * @param worldEntry the world entry at the root of the chain (as text), or null when the
     *                   requirement comes from an automatically installed ({@code install_if}) package
     * @param chain      the packages from the world entry down to the requirement, outermost first;
     *                   empty when the world entry itself is the requirement
     */
    public record Requirement(String worldEntry, List<Link> chain) {

        /** Copies the list. */
        public Requirement {
            chain = List.copyOf(chain);
        }

        /** The requirement itself: the last link's constraint, or the world entry. */
        public String constraint() {
            return chain.isEmpty() ? worldEntry : chain.get(chain.size() - 1).needs();
        }

        /** The package declaring it ({@code name-version}), or null for a world entry. */
        public String requirer() {
            return chain.isEmpty() ? null : chain.get(chain.size() - 1).pkg();
        }

        /** {@code world needs a; a-3 needs b; b-1 needs d<2.0}. */
        public String render() {
            StringBuilder s = new StringBuilder();
            if (worldEntry != null) {
                s.append("world needs ").append(worldEntry);
            }
            for (Link l : chain) {
                if (s.length() > 0) {
                    s.append("; ");
                }
                s.append(l.pkg()).append(" needs ").append(l.needs());
            }
            return s.toString();
        }
    }

    /** Copies the lists. */
    public Explanation {
        requirements = List.copyOf(requirements);
        versions = List.copyOf(versions);
        packages = List.copyOf(packages);
    }

    /** The world entries responsible, in order, without repeats. */
    public List<String> worldEntries() {
        return requirements.stream().map(Requirement::worldEntry).distinct().collect(Collectors.toList());
    }

    /** The explanation as text: the "because" lines, then the conclusion. */
    public String render() {
        return ExplanationText.render(this);
    }
}
