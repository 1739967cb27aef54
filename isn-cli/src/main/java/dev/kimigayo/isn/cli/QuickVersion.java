package dev.kimigayo.isn.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * {@code isn --version} (or {@code -V}) on its own, answered before picocli builds anything: the
 * same lines, through the same kind of writer, with the same exit code as picocli's version help,
 * in a third of the start-up time (picocli's set-up and the top-level model were most of it; see
 * docs/benchmarks.md#start-up). A line picocli would rewrite (it formats each one with
 * {@code String.format} and reads {@code @|style text|@} markup) takes the normal path instead.
 */
final class QuickVersion {

    private QuickVersion() {
    }

    /** Prints the version help and returns true if {@code args} asks for nothing else; else does nothing. */
    static boolean answer(String[] args, PrintStream out) {
        if (args.length != 1 || !(args[0].equals("--version") || args[0].equals("-V"))) {
            return false;
        }
        String[] lines = new IsnCommand.BuildVersion().getVersion();
        for (String line : lines) {
            if (line.indexOf('%') >= 0 || line.contains("@|")) {
                return false;
            }
        }
        PrintWriter writer = new PrintWriter(out, true);
        for (String line : lines) {
            writer.println(line);
        }
        writer.flush();
        return true;
    }
}
