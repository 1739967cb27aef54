package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every command's {@code --json} document, successes and failures: one JSON document of the
 * current schema whose every key, at any depth, is snake_case; and {@code info} carries what
 * its text shows.
 */
class JsonKeysTest {

    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    @TempDir
    Path dir;

    private final List<String> bad = new ArrayList<>();

    private JsonNode doc(SampleRoot s, String what) throws Exception {
        JsonNode d = JsonReport.mapper().readTree(s.cli.out);
        assertEquals(2, d.path("schema_version").asInt(), what + ": " + s.cli.out + s.cli.err);
        walk(d, what, "");
        return d;
    }

    private void walk(JsonNode n, String what, String path) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!SNAKE.matcher(e.getKey()).matches()) {
                    bad.add(what + ": " + path + "/" + e.getKey());
                }
                walk(e.getValue(), what, path + "/" + e.getKey());
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), what, path + "/" + i);
            }
        }
    }

    @Test
    void everyKeyIsSnakeCase() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        String[][] runs = {
            {"add", "--json", "--no-scripts", "busybox", "vim"},
            {"add", "--json", "busybox<1"},
            {"add", "--json", "nvi"},
            {"del", "--json", "musl"},
            {"del", "--json", "nosuch"},
            {"upgrade", "--json", "busybox"},
            {"update", "--json"},
            {"fix", "--json", "busybox"},
            {"info", "--json", "vim"},
            {"info", "--json", "docs"},
            {"list", "--json"},
            {"list", "--json", "-u"},
            {"search", "--json", "vi"},
            {"owner", "--json", "/bin/busybox"},
            {"files", "--json", "busybox"},
            {"why", "--json", "musl"},
            {"why", "--json", "nvi"},
            {"info", "--json", "-r", "musl"},
            {"policy", "--json", "vim"},
            {"policy", "--json", "nvi"},
            {"dot", "--json", "vim"},
            {"dot", "--json", "--available", "busybox"},
            {"mark", "--json", "--auto", "busybox"},
            {"mark", "--json", "--manual", "busybox"},
        };
        for (String[] run : runs) {
            s.isn(run);
            doc(s, String.join(" ", run));
        }
        assertEquals(0, s.cli.run("verify", "--json", "--keys-dir", s.trusted.toString(),
                s.repo.resolve("index.json").toString()), s.cli.err + s.cli.out);
        doc(s, "verify");
        s.cli.run("check", "--json", "--keys-dir", s.trusted.toString(), s.repo.toString());
        doc(s, "check");
        assertEquals(0, s.cli.run("version", "-t", "--json", "1.2", "1.10", "2.0", "2.0_rc1"));
        JsonNode v = doc(s, "version -t");
        assertEquals("<", v.at("/results/0/result").asText());
        assertEquals(">", v.at("/results/1/result").asText());
        assertEquals("2.0_rc1", v.at("/results/1/b").asText());
        assertEquals(ExitCodes.FAILED, s.cli.run("--json", "version", "-c", "1.2", "1.0bc"));
        JsonNode c = doc(s, "version -c");
        assertEquals("1.0bc", c.at("/invalid/0/version").asText());
        assertTrue(!c.get("ok").asBoolean());
        assertEquals(List.of(), bad);
    }

    @Test
    void infoCarriesWhatTheTextShows() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        assertEquals(0, s.isn("add", "--no-scripts", "vim"), s.cli.err);
        assertEquals(0, s.isn("info", "--json", "vim"));
        JsonNode installed = doc(s, "info").get("installed");
        assertEquals("9.0.2127-r0", installed.get("version").asText());
        assertTrue(installed.get("depends").toString().contains("\"xxd\""), installed.toString());
        assertTrue(installed.get("provides").toString().contains("cmd:vim=9.0.2127-r0"), installed.toString());
        assertTrue(installed.get("install_if").isArray());
        assertTrue(installed.get("size").asLong() > 0);
        assertTrue(installed.get("repository").asText().startsWith("file:"), installed.toString());
        assertTrue(installed.has("url") && installed.has("license"), installed.toString());

        assertEquals(0, s.isn("info", "--json", "vim-doc"));
        JsonNode available = doc(s, "info").at("/available/0");
        assertEquals("[\"vim=9.0.2127-r0\",\"docs\"]", available.get("install_if").toString());
        assertTrue(available.get("repository").asText().startsWith("file:"), available.toString());
        assertTrue(available.get("size").asLong() > 0);
        assertEquals(List.of(), bad);
    }
}
