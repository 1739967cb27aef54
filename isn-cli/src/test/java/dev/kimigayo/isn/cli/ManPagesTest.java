package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * The man pages the build wrote into target/man (ManPages, src/build): one per command, each
 * rendered by a real groff without a warning, naming the command's options and not the globals.
 */
class ManPagesTest {

    private static final Path MAN = Path.of("target/man");

    @Test
    void everyCommandHasAPageThatGroffRendersCleanly() throws Exception {
        boolean groff = new ProcessBuilder("sh", "-c", "command -v groff").start().waitFor() == 0;
        if (!groff && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("groff is needed to check the man pages");
        }
        assumeTrue(groff, "groff is not installed");
        assertTrue(Files.isRegularFile(MAN.resolve("isn.1")), "the build writes target/man");
        for (Class<?> c : IsnCommand.SUBCOMMANDS) {
            String name = c.getAnnotation(CommandLine.Command.class).name();
            Path page = MAN.resolve("isn-" + name + ".1");
            assertTrue(Files.isRegularFile(page), page::toString);
            String text = render(page);
            assertTrue(text.contains("isn " + name), text);
        }
        String install = render(MAN.resolve("isn-install.1"));
        assertTrue(install.contains("--dry-run, --simulate") && install.contains("--virtual=NAME"), install);
        assertFalse(install.contains("Operate on the system under DIR"), "globals are on isn(1): " + install);
        String top = render(MAN.resolve("isn.1"));
        assertTrue(top.contains("Operate on the system under DIR"), top);
        assertTrue(top.contains("another isn process holds the lock"), top);
        assertTrue(top.contains("isn-audit(1)"), top);
    }

    /** The page as groff renders it (plain ASCII, hyphenation off); fails on any groff warning. */
    private static String render(Path page) throws Exception {
        Process p = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-rHY=0", "-P-cbou", page.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        assertEquals("", err, page + " renders with warnings");
        return out.replace('\u2010', '-').replace('\u2212', '-');
    }
}
