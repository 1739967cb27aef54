package dev.kimigayo.isn.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Placeholder for {@code isn pack}; replaced by the real command. */
@Command(name = "pack", mixinStandardHelpOptions = true, description = "Build deterministic, signed packages from directories.")
public final class PackCommand implements Callable<Integer> {

    @ParentCommand
    IsnCommand parent;

    @Override
    public Integer call() {
        parent.context().err().println("isn pack: not implemented yet");
        return ExitCodes.INTERNAL;
    }
}
