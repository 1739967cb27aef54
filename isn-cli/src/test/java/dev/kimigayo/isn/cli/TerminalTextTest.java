package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class TerminalTextTest {

    @Test
    void escapesC0DelC1AndBidiControls() {
        assertEquals("a\\x1b[31mb\\x07c\\x00d\\x7fe\\u009bf\\u202eg\\x0ah",
                TerminalText.escape("a\u001b[31mb\u0007c\u0000d\u007fe\u009bf\u202eg\nh"));
        assertEquals("line one\nline\\x1b two", TerminalText.escapeKeepingLines("line one\nline\u001b two"));
        assertEquals("plain é ü 日本", TerminalText.escape("plain é ü 日本"));
    }

    @Test
    void jsonOutputEscapesTheSameCharactersAndStaysValid() throws Exception {
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("m", "x\u001by\u007fz\u0085w\u202ev\u2066é");
        String json = JsonReport.mapper().writeValueAsString(doc);
        for (char c : json.toCharArray()) {
            assertFalse(TerminalText.isUnsafe(c) && c != '\n', String.format("raw U+%04X in %s", (int) c, json));
        }
        assertEquals("x\u001by\u007fz\u0085w\u202ev\u2066é", JsonReport.mapper().readTree(json).get("m").asText());
    }

    @Test
    void standardOutputEscapesWhatCommandsPrint() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new SafePrintStream(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out.println("usr/bin/evil\u202egpj.sh\u0007");
        out.printf("%s%n", "\u001b]0;title\u0007");
        assertEquals("usr/bin/evil\\u202egpj.sh\\x07\n\\x1b]0;title\\x07\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
