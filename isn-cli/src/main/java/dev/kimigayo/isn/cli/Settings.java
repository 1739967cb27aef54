package dev.kimigayo.isn.cli;

import java.nio.file.Path;
import java.util.List;

import dev.kimigayo.isn.core.root.RootLayout;
import dev.kimigayo.isn.core.txn.Durability;

/** The effective global options of one run, after merging those before and after the command name. */
record Settings(Path root, boolean initdb, List<String> repositories, Path keysDir, boolean json,
        boolean quiet, boolean verbose, boolean yes, boolean interactive, int waitSeconds,
        boolean noProgress, Boolean sync, boolean allowUntrusted, boolean noCache, int timeoutSeconds,
        boolean noNetwork, String arch) {

    /** {@code --timeout} when not given: apk waits 60 s; 30 s is plenty for a healthy mirror to send a byte. */
    static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /** The root's layout. */
    RootLayout layout() {
        return new RootLayout(root);
    }

    /** fsync when asked, else by default only on the host root {@code /}. */
    Durability durability() {
        boolean on = sync != null ? sync : layout().isHostRoot();
        return on ? Durability.SYNC : Durability.NO_SYNC;
    }

    /** The trusted keys directory: {@code --keys-dir}, else the root's {@code etc/isn/keys}. */
    Path trustedKeys() {
        return keysDir != null ? keysDir : layout().keysDir();
    }
}
