package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.solver.Explanation.Requirement;
import java.util.List;

/** Renders an {@link Explanation} as "because" lines and a conclusion. */
final class ExplanationText {
    private ExplanationText() {
    }

    static String render(Explanation e) {
        StringBuilder s = new StringBuilder();
        for (Requirement r : e.requirements()) {
            s.append("\n  because ").append(r.render());
        }
        s.append("\n  ").append(conclusion(e));
        if (!e.versions().isEmpty() && e.cause() != Explanation.Cause.NEEDS_CHOICE) {
            s.append("\n  ").append(e.name()).append(" exists in the indexes as: ")
                    .append(String.join(", ", e.versions()));
        }
        List<String> world = e.worldEntries().stream().filter(w -> w != null).toList();
        if (world.size() > 1) {
            s.append("\n  so the world entries ").append(String.join(", ", world))
                    .append(" cannot be satisfied together");
        } else if (world.size() == 1) {
            s.append("\n  so the world entry ").append(world.get(0)).append(" cannot be satisfied");
        }
        return s.toString();
    }

    private static String conclusion(Explanation e) {
        String first = e.requirements().isEmpty() ? e.name() : e.requirements().get(0).constraint();
        String last = e.requirements().isEmpty() ? e.name()
                : e.requirements().get(e.requirements().size() - 1).constraint();
        List<String> p = e.packages();
        return switch (e.cause()) {
            case NOT_IN_INDEX -> e.name() + " is not in any index: check the name, or run 'isn update' to refresh"
                    + " the indexes";
            case NO_MATCHING_VERSION -> "no version of " + e.name() + " satisfies " + last
                    + ": if a newer one was just published, run 'isn update'";
            case VERSION_CONFLICT -> "no version of " + e.name() + " satisfies both " + first + " and " + last
                    + " (" + p.get(0) + " was chosen for the first)";
            case PROVIDER_CLASH -> p.get(0) + " and " + p.get(1) + " both provide " + e.detail()
                    + ", and only one package may provide it";
            case DECLARED_CONFLICT -> p.size() > 1 ? p.get(0) + " declares the conflict " + e.detail()
                    + ", and " + p.get(1) + " matches it"
                    : "the world entry " + e.detail() + " forbids " + p.get(0);
            case SELF_CONFLICT -> p.get(0) + " can never be installed: " + e.detail();
            case NEEDS_CHOICE -> e.name() + " is a virtual name provided by " + String.join(", ", p)
                    + "; none has a provider priority, so choose one explicitly (isn add <one of them>)";
            case WRONG_ARCH -> String.join(", ", p) + " is built for " + e.detail();
            case TAG_NOT_ALLOWED -> String.join(", ", p) + " is only in the tagged repository " + e.detail()
                    + ": ask for " + e.name() + "@<tag> to allow it";
            case NOT_AVAILABLE -> String.join(", ", p) + " cannot be fetched from any enabled repository"
                    + (e.detail() == null ? ": run 'isn update' or check the repositories" : " (" + e.detail() + ")");
            case BROKEN_PACKAGE -> String.join(", ", p) + " cannot be installed: " + e.detail();
            case LATEST_UNSUITABLE -> "the newest " + e.name() + " is " + e.detail() + ", and it does not satisfy "
                    + last + " (latest was requested)";
        };
    }
}
