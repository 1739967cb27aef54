package dev.kimigayo.isn.core.commit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.core.plan.TxnStep;
import dev.kimigayo.isn.core.root.RootGuard;
import dev.kimigayo.isn.core.root.RootLayout;
import dev.kimigayo.isn.core.txn.ChangeSetBuilder;

/**
 * The installed packages' {@code .INSTALL} scripts, kept as {@code var/lib/isn/scripts/NAME.INSTALL}
 * so that removal and {@code isn fix} can run them later. They change inside the transaction's
 * journal like any package file, so a crash never leaves a script out of step with its package.
 */
public final class ScriptFiles {

    private final RootLayout layout;
    private final Map<String, Path> temps = new HashMap<>();
    private final Map<String, byte[]> old = new HashMap<>();

    ScriptFiles(RootLayout layout) {
        this.layout = layout;
    }

    /** The stored script of package {@code name}, relative to the root. */
    public static String path(String name) {
        return "var/lib/isn/scripts/" + name + ".INSTALL";
    }

    /** Adds the script placements and removals of {@code steps} to the change set; remembers the old scripts. */
    void plan(ChangeSetBuilder changes, List<TxnStep> steps, Map<String, PackageHeader> headers) throws IOException {
        for (TxnStep s : steps) {
            String name = s.change().name();
            Path stored = layout.resolve(path(name));
            if (s.hasOld() && Files.exists(stored)) {
                old.put(name, Files.readAllBytes(stored));
            }
            PackageHeader h = headers.get(name);
            if (h != null && h.script() != null) {
                temps.put(name, changes.placeFile(path(name)));
            } else if (old.containsKey(name) && (s.isRemoval() || h != null)) {
                changes.remove(path(name));
            }
        }
    }

    /** Writes the new script of {@code name} to its temporary path, if it has one. */
    void stage(String name, byte[] script) throws IOException {
        Path temp = temps.get(name);
        if (temp != null && script != null) {
            Files.write(new RootGuard(layout.root()).resolve(temp), script, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** The script of the installed version of {@code name} before this transaction, or null. */
    byte[] old(String name) {
        return old.get(name);
    }
}
