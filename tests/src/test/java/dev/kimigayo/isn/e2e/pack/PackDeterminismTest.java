package dev.kimigayo.isn.e2e.pack;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.kimigayo.isn.e2e.harness.IsnResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher packs the same folders, created under different umasks, orders, mtimes and
 * owners, with different TZ and locale, into bit-identical files, once the recipe says what it
 * means: modes set explicitly (pack records every mode bit as the tree has it, so the umask is
 * neutralised by the recipe, as with {@code install -m}) and owners declared in PKGATTRS (which
 * override the tree's, so a tree chowned to 1234:4321 by a root build packs as 0:0).
 * docs/format-package.md, "Attributes".
 */
class PackDeterminismTest {

    private static final String PKGINFO = "name = demo\nversion = 1.0-r0\narchitecture = x86_64\n";

    @TempDir
    Path tmp;

    /** Creates the tree with a shell, so umask and creation order are the shell's, as in a real build. */
    private Path tree(String name, String umask, boolean reversed, String touch, boolean chown) throws Exception {
        Path dir = tmp.resolve(name);
        String[] steps = {
            "mkdir -p usr/bin usr/lib etc/demo var/lib/demo",
            "printf '#!/bin/sh\\necho hi\\n' > usr/bin/demo && chmod +x usr/bin/demo",
            "printf 'lib' > usr/lib/libdemo.so.1.0 && ln -s libdemo.so.1.0 usr/lib/libdemo.so.1",
            "printf 'key = value\\n' > etc/demo/demo.conf",
        };
        StringBuilder script = new StringBuilder("set -e; umask " + umask + "; mkdir -p '" + dir + "'; cd '" + dir + "'; ");
        script.append("printf '").append(PKGINFO.replace("\n", "\\n")).append("' > PKGINFO; ");
        for (int i = 0; i < steps.length; i++) {
            script.append(steps[reversed && i > 0 ? steps.length - i : i]).append("; ");
        }
        script.append("ln usr/bin/demo usr/bin/demo-again; ");
        // What a reproducible recipe does: explicit modes, and owners declared for every path.
        script.append("find . -type d -exec chmod 0755 {} +; find . -type f -exec chmod 0644 {} +; chmod 0755 usr/bin/demo; ");
        script.append("for p in usr usr/bin usr/bin/demo usr/bin/demo-again usr/lib usr/lib/libdemo.so.1.0 usr/lib/libdemo.so.1"
                + " etc etc/demo etc/demo/demo.conf var var/lib var/lib/demo; do echo \"- 0 0 $p\"; done > PKGATTRS; ");
        script.append("find . -exec touch -h -d '").append(touch).append("' {} +; ");
        if (chown) {
            script.append("[ \"$(id -u)\" != 0 ] || chown -R -h 1234:4321 .; ");
        }
        Process p = new ProcessBuilder("sh", "-c", script.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), script.toString());
        return dir;
    }

    private byte[] pack(Path dir, String tz, String locale, String out) throws Exception {
        IsnResult r = isn().withEnv("TZ", tz).withEnv("LC_ALL", locale).withEnv("LANG", locale)
                .withEnv("SOURCE_DATE_EPOCH", "1700000000")
                .run("pack", dir.toString(), "-o", tmp.resolve(out).toString());
        r.assertSuccess();
        Path file = tmp.resolve(out).resolve("demo-1.0-r0.isn");
        assertEquals(file + "\n", r.stdout());
        return Files.readAllBytes(file);
    }

    @Test
    void sameFoldersGiveIdenticalBytesUnderDifferentUmaskOrderMtimeOwnerTimezoneAndLocale() throws Exception {
        Path a = tree("a", "022", false, "2001-02-03 04:05:06", false);
        Path b = tree("b", "077", true, "2030-12-31 23:59:59", true);
        byte[] first = pack(a, "UTC", "C.UTF-8", "out-a");
        byte[] second = pack(b, "Asia/Tokyo", "C", "out-b");
        assertArrayEquals(first, second);
    }
}
