package dev.kimigayo.isn.core.repos;

import java.util.List;
import java.util.stream.Collectors;

import dev.kimigayo.isn.core.IsnException;

/**
 * No plan exists with the repositories that could be loaded, and some could not: the packages
 * the request needs may well be in one of those. A fetch failure (the network or a mirror is to
 * blame, not the request), carrying the solver's explanation and the repositories left out.
 */
public final class RepositoryUnavailableException extends IsnException {

    private final List<RepositoryCatalog.Failure> leftOut;

    /** The solver's failure {@code unsatisfiable} while {@code leftOut} could not be used. */
    public RepositoryUnavailableException(IsnException unsatisfiable, List<RepositoryCatalog.Failure> leftOut) {
        super(unsatisfiable.getMessage() + "; the missing package may be in "
                + leftOut.stream().map(f -> f.url() + " (" + f.reason().getMessage() + ")")
                        .collect(Collectors.joining(", "))
                + ", which could not be loaded; nothing was changed. Fix the repository or the network"
                + " and try again, or run 'isn update'", unsatisfiable);
        this.leftOut = List.copyOf(leftOut);
    }

    /** The repositories that could not be loaded. */
    public List<RepositoryCatalog.Failure> leftOut() {
        return leftOut;
    }

    @Override
    public String code() {
        return "repository-unavailable";
    }

    @Override
    public Kind kind() {
        return Kind.FETCH;
    }
}
