package dev.kimigayo.isn.cli;

import java.io.PrintStream;
import java.util.Map;

/** The process's streams and environment, handed to every command so none touches System.*. */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env) {
}
