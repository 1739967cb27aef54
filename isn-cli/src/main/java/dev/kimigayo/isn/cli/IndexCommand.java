package dev.kimigayo.isn.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Placeholder for {@code isn index}; replaced by the real command. */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Write a signed index of a repository folder.")
public final class IndexCommand implements Callable<Integer> {

    @ParentCommand
    IsnCommand parent;

    @Override
    public Integer call() {
        parent.context().err().println("isn index: not implemented yet");
        return ExitCodes.INTERNAL;
    }
}
