package dev.kimigayo.isn.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * The process's streams, environment and signal flag, handed to every command so none touches
 * System.*.
 */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Interruption interruption) {

    /** A context no signal reaches (in-process runs and tests). */
    public CliContext(PrintStream out, PrintStream err, Map<String, String> env) {
        this(out, err, env, new Interruption());
    }
}
