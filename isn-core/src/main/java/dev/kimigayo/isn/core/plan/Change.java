package dev.kimigayo.isn.core.plan;

/**
 * One package-level change of a plan, as shown to the user and in {@code --json}: what happens to
 * which package, from which version to which. {@code oldVersion} is null for an install,
 * {@code newVersion} null for a removal.
 */
public record Change(Action action, String name, String oldVersion, String newVersion) {

    /** The kinds of change, in the vocabulary of the JSON schema. */
    public enum Action {
        INSTALL, UPGRADE, DOWNGRADE, REINSTALL, REMOVE;

        /** The lower-case name used in JSON ({@code "install"}). */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The version this change leaves installed, or null for a removal. */
    public String resultingVersion() {
        return newVersion;
    }
}
