package dev.kimigayo.isn.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code isn completion bash|zsh}: prints a completion script for isn's commands and options,
 * generated from the same picocli model as the help (so it never falls behind). The script is
 * bash's; zsh runs it through its bash-completion emulation (bashcompinit), which the script
 * enables itself when sourced in zsh.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for isn on stdout.",
            "bash: source <(isn completion bash), or save it as /usr/share/bash-completion/completions/isn.",
            "zsh: source <(isn completion zsh) in ~/.zshrc (it loads bashcompinit)."})
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "isn completion supports bash and zsh, not '" + shell + "'");
        }
        CommandLine top = spec.commandLine().getParent();
        String script = AutoComplete.bash("isn", top);
        top.getOut().print(shell.equals("zsh") ? "# isn completion for zsh (through bashcompinit)\n" + script : script);
        top.getOut().flush();
        return ExitCodes.OK;
    }
}
