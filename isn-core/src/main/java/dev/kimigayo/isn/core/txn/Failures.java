package dev.kimigayo.isn.core.txn;

import java.io.IOException;
import java.nio.file.FileSystemException;

import dev.kimigayo.isn.core.root.SymlinkInPathException;

/**
 * Runs the undo or clean-up of each journal step on its own, keeping the first real failure for
 * the end: one stubborn step must not leave the others undone.
 */
final class Failures {

    /** The reason the JDK gives for ENAMETOOLONG. */
    private static final String NAME_TOO_LONG = "File name too long";

    /** One step's undo or clean-up. */
    @FunctionalInterface
    interface Step {
        void run() throws IOException;
    }

    private IOException first;

    /** Runs {@code step} of journal entry {@code e}, remembering a failure that matters. */
    void run(JournalEntry e, Step step) {
        try {
            step.run();
        } catch (SymlinkInPathException x) {
            // Every step refuses to go through a symlink, so nothing of this one happened there.
        } catch (FileSystemException x) {
            if (!NAME_TOO_LONG.equals(x.getReason())) {
                keep(PathFailure.at(e.path(), x));
            }
            // A name too long cannot exist: there is nothing to undo or clean up.
        } catch (IOException x) {
            keep(PathFailure.at(e.path(), x));
        }
    }

    private void keep(IOException x) {
        if (first == null) {
            first = x;
        } else {
            first.addSuppressed(x);
        }
    }

    /** Throws the first failure kept, if any. */
    void throwFirst() throws IOException {
        if (first != null) {
            throw first;
        }
    }
}
