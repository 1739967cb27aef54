package dev.kimigayo.isn.core.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every line of apk-tools' version.data, read from the shared folder at test time. */
class VersionConformanceTest {

    private static Path dataFile() {
        String shared = System.getProperty("isn.shared");
        dev.kimigayo.isn.core.Needs.present(shared != null, "system property isn.shared is not set; skipping apk-tools conformance");
        Path file = Path.of(shared, "conformance", "apk-tools", "version.data");
        dev.kimigayo.isn.core.Needs.present(Files.isRegularFile(file), "apk-tools conformance data not found at " + file + "; skipping");
        return file;
    }

    @Test
    void agreesWithEveryLineOfApkToolsVersionData() throws IOException {
        List<String> failures = new ArrayList<>();
        int comparisons = 0;
        int validity = 0;
        int lineNo = 0;
        for (String raw : Files.readAllLines(dataFile(), StandardCharsets.UTF_8)) {
            lineNo++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length == 3) {
                comparisons++;
                if (!holds(f[0], f[1], f[2])) {
                    failures.add(lineNo + ": " + line + " (compare=" + Version.compare(f[0], f[2]) + ")");
                }
            } else if (f.length == 1) {
                validity++;
                boolean expectValid = !f[0].startsWith("!");
                String v = expectValid ? f[0] : f[0].substring(1);
                if (Version.isValid(v) != expectValid) {
                    failures.add(lineNo + ": " + line + " (isValid=" + !expectValid + ")");
                }
            } else {
                failures.add(lineNo + ": unreadable line: " + raw);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " lines disagree:\n" + String.join("\n", failures));
        assertEquals(754, comparisons, "comparison lines");
        assertEquals(31, validity, "validity lines");
    }

    /** Whether "a op b" holds; a leading '!' on op negates it. */
    private static boolean holds(String a, String op, String b) {
        if (op.startsWith("!")) {
            return !holds(a, op.substring(1), b);
        }
        return switch (op) {
            case "<" -> Version.compare(a, b) < 0 && Version.compare(b, a) > 0;
            case ">" -> Version.compare(a, b) > 0 && Version.compare(b, a) < 0;
            case "=" -> Version.compare(a, b) == 0 && Version.compare(b, a) == 0;
            case "~" -> Op.FUZZY.test(a, b);
            case "<~" -> Op.LT_FUZZY.test(a, b);
            case ">~" -> Op.GT_FUZZY.test(a, b);
            default -> throw new IllegalArgumentException("unknown operator " + op);
        };
    }
}
