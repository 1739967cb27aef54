package dev.kimigayo.isn.e2e;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.harness.IsnProcess;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * The packaged launcher: a typo names the command meant, --json usage errors are JSON, bash and zsh
 * source the completion script.
 */
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

    @Test
    void zshSourcesTheCompletionScriptAndItsFunctionCompletes() throws Exception {
        Path zsh = List.of(Path.of("/usr/bin/zsh"), Path.of("/bin/zsh")).stream().filter(Files::isExecutable)
                .findFirst().orElse(null);
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(zsh != null, "CI=true: zsh is needed (packaging/test.sh installs it)");
        }
        assumeTrue(zsh != null, "zsh is not installed");
        String isn = IsnProcess.launcher().toString();
        // -f: no user startup files. The script loads bashcompinit itself; the function is then
        // called as zsh's _bash_complete calls it, in sh emulation with bash's COMP_* variables.
        String script = String.join("\n",
                "source <('" + isn + "' completion zsh) || exit 9",
                "print -r -- \"registered: $_comps[isn]\"",
                "whence -w _complete_isn",
                "complete_line() {",
                "  emulate -L sh; setopt kshglob noshglob braceexpand",
                "  COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}",
                "  COMPREPLY=(); _complete_isn",
                "  print -r -- \"$1 ${COMP_WORDS[COMP_CWORD]}: ${COMPREPLY[*]}\"",
                "}",
                "complete_line isn ''",
                "complete_line isn install --no-sc");
        Process p = new ProcessBuilder(zsh.toString(), "-f", "-c", script).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out + err);
        assertEquals("", err, "zsh reports no error while loading or running the completion");
        List<String> lines = out.lines().toList();
        assertEquals("registered: _bash_complete -F _complete_isn -o default", lines.get(0), out);
        assertEquals("_complete_isn: function", lines.get(1), out);
        List<String> commands = List.of(lines.get(2).replaceFirst("^isn : ", "").split(" "));
        assertTrue(commands.containsAll(List.of("install", "lock", "history", "undo", "why", "completion")), out);
        List<String> options = List.of(lines.get(3).replaceFirst("^isn --no-sc: ", "").split(" "));
        assertTrue(options.containsAll(List.of("--no-scripts", "--locked", "--dry-run")), out);
    }
}
