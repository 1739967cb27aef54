package dev.kimigayo.isn.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output with every unsafe character ({@link TerminalText#isUnsafe}) escaped except the
 * newline: everything a command prints as its answer (names, paths, descriptions from packages
 * and indexes) passes here, so no command can forget to escape. JSON output is unchanged by it:
 * the JSON writer already escapes those characters.
 */
final class SafePrintStream extends PrintStream {

    SafePrintStream(OutputStream out) {
        super(out, true, StandardCharsets.UTF_8);
    }

    @Override
    public void print(String s) {
        super.print(TerminalText.escapeKeepingLines(String.valueOf(s)));
    }

    @Override
    public void print(Object o) {
        print(String.valueOf(o));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }
}
