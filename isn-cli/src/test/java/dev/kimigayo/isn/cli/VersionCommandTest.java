package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VersionCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void testPrintsOneRelationPerPair() {
        assertEquals(0, run("version", "-t", "1.2_rc1", "1.2", "1.10", "1.9", "2.0-r1", "2.0-r01"));
        assertEquals("<\n>\n=\n", out().replace("\r\n", "\n"));
        assertEquals("", err());
    }

    @Test
    void oddNumberOfVersionsIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("version", "-t", "1", "2", "3"));
        assertEquals("", out());
        assertTrue(err().contains("compares pairs, but 3 versions were given"), err());
        assertTrue(err().contains("'3', has no partner"), err());
    }

    @Test
    void invalidVersionsAreComparedWithAWarning() {
        assertEquals(0, run("version", "-t", "1.0", "1.0bc"));
        assertEquals("<", out().strip());
        assertTrue(err().contains("invalid version '1.0bc': unexpected 'c' at position 4"), err());
    }

    @Test
    void checkPrintsOnlyTheInvalidOnesAndFails() {
        assertEquals(ExitCodes.FAILED, run("version", "-c", "--", "1.2", "1.0bc", "0.1_pre2~1234abcd", "-r1"));
        assertEquals("1.0bc\n-r1\n", out().replace("\r\n", "\n"));
        assertTrue(err().contains("invalid version '-r1': a version must start with a digit at position 0"), err());
    }

    @Test
    void checkOfValidVersionsSucceedsSilently() {
        assertEquals(0, run("version", "--check", "1.2.3_rc1-r2", "0.1_git20240101_pre1"));
        assertEquals("", out());
        assertEquals("", err());
    }

    @Test
    void aModeIsRequiredAndModesExcludeEachOther() {
        assertEquals(ExitCodes.USAGE, run("version", "1", "2"));
        assertEquals(ExitCodes.USAGE, run("version", "-t", "-c", "1", "2"));
        assertEquals(ExitCodes.USAGE, run("version", "-t"));
    }

    @Test
    void controlCharactersInAVersionAreEscapedOnStderrToo() {
        // A version pasted from a hostile index must not drive the terminal from the warning line.
        assertEquals(0, run("version", "-t", "1.0\u001b[31m", "1.0"));
        assertEquals(ExitCodes.FAILED, run("version", "-c", "2.0\u0007\u202e"));
        assertTrue(!err().contains("\u001b") && !err().contains("\u0007") && !err().contains("\u202e"), err());
        assertTrue(err().contains("invalid version '1.0\\x1b[31m'"), err());
        assertTrue(err().contains("invalid version '2.0\\x07\\u202e'"), err());
    }
}
