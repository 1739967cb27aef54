package dev.kimigayo.isn.core.query;

import java.util.List;

import dev.kimigayo.isn.core.solver.Explanation;

/**
 * What {@code isn policy NAME} answers: every version of {@code name} the repositories offer
 * (newest first) and where, the installed one, and the version the solver would choose now, with
 * the reason. {@code chosen} is null (choice NOT_INSTALLABLE) when no plan includes it; then
 * {@code refusal} says why. {@code upgrade} is what {@code isn upgrade NAME} would take (installed
 * packages only, else null).
 */
public record PolicyAnswer(String name, Installed installed, List<Candidate> candidates, String chosen,
                           Choice choice, String pinnedTag, String upgrade, Explanation refusal) {

    /** Freezes the list. */
    public PolicyAnswer {
        candidates = List.copyOf(candidates);
    }

    /** Why the chosen version is the one. */
    public enum Choice {
        /** The installed version stays although a newer one is offered: installing never upgrades. */
        INSTALLED_KEPT,
        /** The newest version the repositories offer that may be used. */
        NEWEST,
        /** The world pins the package to a repository tag ({@code name@tag}). */
        PINNED_TAG,
        /** A world entry or another package's dependency rules the newer versions out. */
        CONSTRAINED,
        /** No plan can include the package: see {@code refusal}. */
        NOT_INSTALLABLE
    }

    /** The installed version, where it came from and the tag it is pinned to (may be null). */
    public record Installed(String version, String repository, String tag) {
    }

    /** One offered version and the repositories that carry it, in configured order. */
    public record Candidate(String version, List<Source> sources) {

        /** Freezes the list. */
        public Candidate {
            sources = List.copyOf(sources);
        }
    }

    /** A repository carrying a version: its URL and its tag (null when untagged, usable by anything). */
    public record Source(String repository, String tag) {
    }
}
