package dev.kimigayo.isn.e2e.engine;

import java.nio.file.Path;

/** Lets tests of other packages copy a folder tree the way HttpRepositoryE2ETest does. */
public final class HttpRepositoryE2ETestAccess {

    private HttpRepositoryE2ETestAccess() {
    }

    /** Copies {@code from} to {@code to}, folders and files. */
    public static void copyTree(Path from, Path to) throws Exception {
        HttpRepositoryE2ETest.copyTree(from, to);
    }
}
