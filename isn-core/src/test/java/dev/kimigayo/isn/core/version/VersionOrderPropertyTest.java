package dev.kimigayo.isn.core.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The order is a total order on any strings: antisymmetric and transitive, valid or not. */
class VersionOrderPropertyTest {

    private static final String[] PARTS = {"0", "1", "01", "2", "10", "007", ".", ".0", ".1", ".05", "a", "b", "z",
        "_alpha", "_beta", "_pre", "_rc", "_p", "_git", "_foo", "_", "1", "~ab", "~12", "-r0", "-r1", "-r", "-", "x"};

    @Test
    void orderIsTotalOnRandomStrings() {
        Random random = new Random(20261127);
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder s = new StringBuilder(random.nextBoolean() ? "1" : "");
            for (int n = random.nextInt(6); n > 0; n--) {
                s.append(PARTS[random.nextInt(PARTS.length)]);
            }
            versions.add(s.toString());
        }
        for (String a : versions) {
            for (String b : versions) {
                assertEquals(Integer.signum(Version.compare(a, b)), -Integer.signum(Version.compare(b, a)), a + " vs " + b);
            }
        }
        List<String> sorted = new ArrayList<>(versions);
        sorted.sort(Version::compare);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertTrue(Version.compare(sorted.get(i), sorted.get(j)) <= 0,
                        "not transitive: " + sorted.get(i) + " sorted before " + sorted.get(j));
            }
        }
    }
}
