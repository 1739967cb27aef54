package dev.kimigayo.isn.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Placeholder for {@code isn keygen}; replaced by the real command. */
@Command(name = "keygen", mixinStandardHelpOptions = true, description = "Generate an Ed25519 signing key pair.")
public final class KeygenCommand implements Callable<Integer> {

    @ParentCommand
    IsnCommand parent;

    @Override
    public Integer call() {
        parent.context().err().println("isn keygen: not implemented yet");
        return ExitCodes.INTERNAL;
    }
}
