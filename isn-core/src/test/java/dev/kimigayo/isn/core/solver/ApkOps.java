package dev.kimigayo.isn.core.solver;

/**
 * A change worded as apk-tools' test data words its expected operations ({@code Upgrading b (1 -> 2)}),
 * so the solver's answers can be compared with the conformance suite. The words users see are
 * isn-cli's (Changes); the core carries none.
 */
final class ApkOps {

    private ApkOps() {
    }

    static String describe(Change c) {
        String shownName = c.newTag() != null ? c.name() + "@" + c.newTag() : c.name();
        return switch (c.action()) {
            case INSTALL -> "Installing " + shownName + " (" + c.newVersion() + ")";
            case UPGRADE -> "Upgrading " + shownName + " (" + c.oldVersion() + " -> " + c.newVersion() + ")";
            case DOWNGRADE -> "Downgrading " + shownName + " (" + c.oldVersion() + " -> " + c.newVersion() + ")";
            case REPLACE -> "Replacing " + shownName + " (" + c.oldVersion() + " -> " + c.newVersion() + ")";
            case REINSTALL -> "Reinstalling " + shownName + " (" + c.newVersion() + ")";
            case REPIN -> "Updating pinning " + shownName + " (" + c.newVersion() + ")";
            case REMOVE -> "Purging " + c.name() + " (" + c.oldVersion() + ")";
        };
    }
}
