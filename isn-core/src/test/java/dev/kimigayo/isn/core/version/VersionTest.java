package dev.kimigayo.isn.core.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void parseReportsTheOffendingCharacter() {
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> Version.parse("1.0bc"));
        assertEquals(4, e.position());
        assertEquals("invalid-version", e.code());
        assertEquals(String.join(System.lineSeparator(), "invalid version '1.0bc': unexpected 'c' at position 4",
                "  1.0bc", "      ^"), e.getMessage());
        assertEquals(4, assertThrows(InvalidVersionException.class, () -> Version.parse("0.1_foo")).position());
        assertEquals(4, assertThrows(InvalidVersionException.class, () -> Version.parse("0.1_")).position());
        assertEquals(0, assertThrows(InvalidVersionException.class, () -> Version.parse("")).position());
    }

    @Test
    void orderFollowsApk() throws Exception {
        List<String> sorted = List.of("1.0_alpha", "1.0_alpha1", "1.0_beta", "1.0_pre", "1.0_rc1", "1.0", "1.0-r1",
                "1.0~abc", "1.0_cvs", "1.0_svn", "1.0_git", "1.0_hg", "1.0_p1", "1.0a", "1.0.0", "1.01", "1.1", "2");
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = 0; j < sorted.size(); j++) {
                assertEquals(Integer.signum(Integer.compare(i, j)), Version.compare(sorted.get(i), sorted.get(j)),
                        sorted.get(i) + " vs " + sorted.get(j));
            }
        }
        assertTrue(Version.parse("1.10").compareTo(Version.parse("1.9")) > 0);
    }

    @Test
    void hugeNumbersDoNotOverflow() {
        assertTrue(Version.compare("1.99999999999999999999999", "1.99999999999999999999998") > 0);
        assertTrue(Version.compare("20240101000000000000", "9") > 0);
    }

    @Test
    void invalidVersionsSortDeterministicallyAndBelowValidOnes() {
        assertTrue(Version.compare("1.0_foo", "1.0") < 0);
        assertTrue(Version.compare("1.0_foo", "1.0_bar") > 0);
        assertEquals(0, Version.compare("x", "x"));
        List<String> all = new ArrayList<>(List.of("1.0_foo", "1.0", "x", "", "1.0bc", "1.0b", "2_y", "1.0-r"));
        List<String> copy = new ArrayList<>(all);
        all.sort(Version::compare);
        java.util.Collections.reverse(copy);
        copy.sort(Version::compare);
        assertEquals(all, copy);
    }

    @Test
    void equalityIsByText() throws Exception {
        assertEquals(0, Version.compare("1-r01", "1-r1"));
        assertNotEquals(Version.parse("1-r01"), Version.parse("1-r1"));
        assertEquals(Version.parse("1.2"), Version.parse("1.2"));
    }
}
