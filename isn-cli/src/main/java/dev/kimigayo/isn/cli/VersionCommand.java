package dev.kimigayo.isn.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Placeholder for {@code isn version}; replaced by the real command. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Compare and check versions (apk semantics).")
public final class VersionCommand implements Callable<Integer> {

    @ParentCommand
    IsnCommand parent;

    @Override
    public Integer call() {
        parent.context().err().println("isn version: not implemented yet");
        return ExitCodes.INTERNAL;
    }
}
