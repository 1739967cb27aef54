package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** Typos get the nearest name, and with --json every usage error is one JSON error document. */
class UsageErrorsTest {

    private final Cli cli = new Cli();

    @Test
    void aMistypedCommandSuggestsTheNearestOne() {
        assertEquals(ExitCodes.USAGE, cli.run("instal", "vim"));
        assertEquals("isn: error: unknown command 'instal'; did you mean 'install'?",
                cli.err.lines().findFirst().orElse(""), cli.err);
        assertEquals("", cli.out);
        assertEquals(ExitCodes.USAGE, cli.run("frobnicate"));
        assertTrue(cli.err.startsWith("isn: error: unknown command 'frobnicate'\n"), cli.err);
    }

    @Test
    void aMistypedOptionSuggestsTheNearestOneEvenWhenAnArgumentIsMissingToo() {
        assertEquals(ExitCodes.USAGE, cli.run("install", "--dry-rum", "vim"));
        assertTrue(cli.err.startsWith("isn: error: unknown option '--dry-rum' for 'isn install'; did you mean '--dry-run'?\n"
                + "Try 'isn install --help' for usage."), cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("install", "--dry-rum"));
        assertTrue(cli.err.startsWith("isn: error: unknown option '--dry-rum'"), cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("--jsno", "list"));
        assertTrue(cli.err.startsWith("isn: error: unknown option '--jsno'; did you mean '--json'?"), cli.err);
    }

    @Test
    void withJsonAUsageErrorIsOneJsonErrorDocument() throws Exception {
        assertEquals(ExitCodes.USAGE, cli.run("--json", "instal", "vim"));
        JsonNode doc = new ObjectMapper().readTree(cli.out);
        assertEquals("isn", doc.get("command").asText());
        assertError(doc, "unknown-command", "unknown command 'instal'; did you mean 'install'?");

        assertEquals(ExitCodes.USAGE, cli.run("install", "--json", "--bogus"));
        doc = new ObjectMapper().readTree(cli.out);
        assertEquals("install", doc.get("command").asText());
        assertError(doc, "unknown-option", "unknown option '--bogus' for 'isn install'");

        assertEquals(ExitCodes.USAGE, cli.run("--json", "list", "--wait", "soon"));
        assertError(new ObjectMapper().readTree(cli.out), "bad-value",
                "invalid value for option '--wait': 'soon' is not an int");
        assertEquals(ExitCodes.USAGE, cli.run("--json"));
        assertError(new ObjectMapper().readTree(cli.out), "missing-command", null);
        assertEquals(ExitCodes.USAGE, cli.run("--json", "help", "nosuch"));
        assertError(new ObjectMapper().readTree(cli.out), "unknown-command", "unknown command 'nosuch'");
    }

    private void assertError(JsonNode doc, String code, String message) {
        assertEquals(2, doc.get("schema_version").asInt(), cli.out);
        assertFalse(doc.get("ok").asBoolean(), cli.out);
        JsonNode error = doc.get("error");
        assertEquals(code, error.get("code").asText(), cli.out);
        assertEquals("usage", error.get("kind").asText(), cli.out);
        assertEquals(2, error.get("exit_code").asInt(), cli.out);
        if (message != null) {
            assertEquals(message, error.get("message").asText(), cli.out);
        }
        assertTrue(cli.err.startsWith("isn: error: "), cli.err);
    }

    @Test
    void withoutJsonStdoutStaysEmpty() {
        assertEquals(ExitCodes.USAGE, cli.run("install", "--bogus", "vim"));
        assertEquals("", cli.out);
        assertFalse(UsageErrors.wantsJson(new String[] {"install", "--", "--json"}), "after --, --json is a name");
        assertTrue(UsageErrors.wantsJson(new String[] {"install", "--json", "--"}));
    }

    @Test
    void nearestNamesAreTheClosestOnly() {
        List<String> commands = List.of("install", "add", "list", "index", "info", "search", "del", "remove");
        assertEquals(List.of("install"), Suggestions.nearest("instal", commands));
        assertEquals(List.of("install"), Suggestions.nearest("isntall", commands));
        assertEquals(List.of("search"), Suggestions.nearest("serach", commands));
        assertEquals(List.of("info"), Suggestions.nearest("lnfo", List.of("list", "info", "index")));
        assertEquals(List.of(), Suggestions.nearest("nosuch", commands));
        assertEquals(List.of("--dry-run"), Suggestions.nearest("--dry-rum", List.of("--dry-run", "--root", "--json")));
    }
}
