package dev.kimigayo.isn.core.plan;

import java.util.List;

import dev.kimigayo.isn.core.IsnException;

/** Packages a lock file names are offered by no configured repository. Nothing was changed. */
public final class LockUnavailableException extends IsnException {

    private final List<PackageId> missing;

    /** {@code missing} are in no loaded repository index. */
    public LockUnavailableException(List<PackageId> missing) {
        super("the lock file names " + String.join(", ", missing.stream().map(PackageId::nameVersion).toList())
                + ", which no configured repository offers (" + String.join(", ", missing.stream()
                        .map(p -> ((PackageSource.Indexed) p.source()).repository()).distinct().toList())
                + " in the lock file); nothing was changed. Add the repository (-X URL or etc/isn/repositories)"
                + " and run 'isn update', or lock again with 'isn lock'");
        this.missing = List.copyOf(missing);
    }

    /** The packages no repository offers. */
    public List<PackageId> missing() {
        return missing;
    }

    @Override
    public String code() {
        return "lock-unavailable";
    }

    @Override
    public Kind kind() {
        return Kind.UNSATISFIABLE;
    }
}
