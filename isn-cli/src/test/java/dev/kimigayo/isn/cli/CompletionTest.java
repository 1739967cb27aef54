package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** isn completion bash|zsh prints a script that a real bash sources and that completes commands and options. */
class CompletionTest {

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void bashSourcesTheScriptAndCompletesCommandsAndOptions() throws Exception {
        assertEquals(ExitCodes.OK, cli.run("completion", "bash"), cli.err);
        Path script = dir.resolve("isn.bash");
        Files.writeString(script, cli.out);

        assertEquals("complete -o default -F _complete_isn isn", bash("source " + script + "; complete -p isn").trim());
        String commands = bash(completing(script) + "COMP_WORDS=(isn ins); COMP_CWORD=1; COMP_LINE='isn ins';"
                + " COMP_POINT=7; _complete_isn; printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertEquals(List.of("install"), commands.lines().toList());
        String options = bash(completing(script) + "COMP_WORDS=(isn audit --n); COMP_CWORD=2;"
                + " COMP_LINE='isn audit --n'; COMP_POINT=13; _complete_isn; printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertTrue(options.lines().toList().containsAll(List.of("--new", "--no-config")), options);
    }

    @Test
    void zshGetsTheSameScriptAndOtherShellsAreAUsageError() {
        assertEquals(ExitCodes.OK, cli.run("completion", "bash"));
        String bash = cli.out;
        assertEquals(ExitCodes.OK, cli.run("completion", "zsh"));
        assertTrue(cli.out.endsWith(bash), "zsh sources the bash script through bashcompinit");
        assertTrue(cli.out.contains("bashcompinit"), cli.out);
        assertEquals(ExitCodes.USAGE, cli.run("completion", "fish"));
        assertTrue(cli.err.startsWith("isn: error: isn completion supports bash and zsh, not 'fish'"), cli.err);
    }

    /** Sources the script; compopt only works inside a real completion, so it is a no-op here. */
    private static String completing(Path script) {
        return "source " + script + "; compopt() { :; }; ";
    }

    private static String bash(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
