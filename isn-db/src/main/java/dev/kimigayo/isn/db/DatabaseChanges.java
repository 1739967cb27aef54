package dev.kimigayo.isn.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A batch of changes applied atomically: removals first, then installs (an install replaces the
 * installed package of the same name), then reason changes, the world and repository states.
 * Build one with {@link #builder()}.
 *
 * @param removals         names of installed packages to remove with their paths
 * @param installs         packages to install or replace, in order
 * @param reasons          new reasons for installed packages that are not reinstalled
 * @param world            the new world, or empty to leave it unchanged
 * @param repositories     repository states to record (replacing the previous one per URL)
 * @param history          history lines of the transaction (ignored outside a transaction)
 * @param plan             what the transaction was asked and planned (ignored outside a transaction)
 */
public record DatabaseChanges(List<String> removals, List<PackageInstall> installs,
                              Map<String, InstallReason> reasons, Optional<List<String>> world,
                              List<RepositoryState> repositories, List<PackageChange> history,
                              Optional<TransactionPlan> plan) {

    /** Freezes the collections. */
    public DatabaseChanges {
        removals = List.copyOf(removals);
        installs = List.copyOf(installs);
        reasons = Map.copyOf(reasons);
        world = world.map(List::copyOf);
        repositories = List.copyOf(repositories);
        history = List.copyOf(history);
    }

    /** A new empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects changes in the order they are added. */
    public static final class Builder {
        private final List<String> removals = new ArrayList<>();
        private final List<PackageInstall> installs = new ArrayList<>();
        private final Map<String, InstallReason> reasons = new LinkedHashMap<>();
        private List<String> world;
        private final List<RepositoryState> repositories = new ArrayList<>();
        private final List<PackageChange> history = new ArrayList<>();
        private TransactionPlan plan;

        private Builder() {
        }

        /** Removes an installed package and its paths. */
        public Builder remove(String name) {
            removals.add(name);
            return this;
        }

        /** Installs a package with its paths, replacing any installed package of that name. */
        public Builder install(InstalledPackage pkg, List<InstalledFile> files) {
            installs.add(new PackageInstall(pkg, files));
            return this;
        }

        /** Changes why an installed package is installed, without reinstalling it. */
        public Builder reason(String name, InstallReason reason) {
            reasons.put(name, reason);
            return this;
        }

        /** Replaces the world with these constraint strings, in this order. */
        public Builder world(List<String> constraints) {
            world = List.copyOf(constraints);
            return this;
        }

        /** Records the state of one repository. */
        public Builder repository(RepositoryState state) {
            repositories.add(state);
            return this;
        }

        /** Adds a history line to the transaction. */
        public Builder change(PackageChange change) {
            history.add(change);
            return this;
        }

        /** Records what the transaction was asked and planned. */
        public Builder plan(TransactionPlan p) {
            plan = p;
            return this;
        }

        /** The immutable batch. */
        public DatabaseChanges build() {
            return new DatabaseChanges(removals, installs, reasons, Optional.ofNullable(world),
                    repositories, history, Optional.ofNullable(plan));
        }
    }
}
