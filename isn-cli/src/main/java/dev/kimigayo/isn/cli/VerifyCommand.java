package dev.kimigayo.isn.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Placeholder for {@code isn verify}; replaced by the real command. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify packages and indexes.")
public final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    IsnCommand parent;

    @Override
    public Integer call() {
        parent.context().err().println("isn verify: not implemented yet");
        return ExitCodes.INTERNAL;
    }
}
