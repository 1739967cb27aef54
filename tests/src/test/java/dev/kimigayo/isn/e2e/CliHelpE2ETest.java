package dev.kimigayo.isn.e2e;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.harness.IsnProcess;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/** The packaged launcher: a typo names the command meant, --json usage errors are JSON, bash sources the completion. */
class CliHelpE2ETest {

    @Test
    void aTypoIsAUsageErrorNamingTheCommandAndJsonGetsADocument() throws Exception {
        IsnResult text = isn().run("instal", "vim").assertExit(2);
        assertTrue(text.stderr().startsWith("isn: error: unknown command 'instal'; did you mean 'install'?\n"),
                text::describe);
        IsnResult json = isn().run("--json", "instal", "vim").assertExit(2);
        JsonNode error = new ObjectMapper().readTree(json.stdout()).get("error");
        assertEquals("unknown-command", error.get("code").asText(), json::describe);
        assertEquals(2, error.get("exit_code").asInt(), json::describe);
    }

    @Test
    void bashSourcesTheCompletionScript() throws Exception {
        String isn = IsnProcess.launcher().toString();
        Process p = new ProcessBuilder("bash", "-c", "source <('" + isn + "' completion bash); complete -p isn")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("complete -o default -F _complete_isn isn", out.trim());
    }
}
