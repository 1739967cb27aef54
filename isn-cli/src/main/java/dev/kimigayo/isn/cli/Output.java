package dev.kimigayo.isn.cli;

import java.io.PrintStream;
import java.util.Locale;

import dev.kimigayo.isn.core.engine.Change;
import dev.kimigayo.isn.core.engine.EngineEvent;
import dev.kimigayo.isn.core.engine.EngineListener;

/**
 * Renders an operation for people on stderr: apk-like lines ({@code (1/3) Installing
 * ncurses-libs (6.4-r1)}) always, plus a redrawn progress bar for downloads on a terminal.
 * {@code --quiet} keeps only errors; {@code NO_COLOR} or a non-terminal turns colour off.
 */
final class Output implements EngineListener {

    private final PrintStream err;
    private final boolean quiet;
    private final boolean verbose;
    private final boolean progress;
    private final boolean color;
    private boolean barShown;

    Output(CliContext context, Settings settings, boolean terminal) {
        this.err = context.err();
        this.quiet = settings.quiet();
        this.verbose = settings.verbose();
        this.progress = terminal && !settings.noProgress() && !settings.quiet()
                && !"dumb".equals(context.env().get("TERM"));
        this.color = terminal && !context.env().containsKey("NO_COLOR");
    }

    /** True when stderr is an interactive terminal (the JVM sees a console). */
    static boolean isTerminal() {
        return System.console() != null;
    }

    /** Prints an informational line unless quiet. */
    void info(String line) {
        if (!quiet) {
            clearBar();
            err.println(line);
        }
    }

    /** Prints a detail line only with --verbose. */
    void detail(String line) {
        if (verbose && !quiet) {
            info(line);
        }
    }

    /** Prints a warning unless quiet. */
    void warn(String message) {
        if (!quiet) {
            clearBar();
            err.println(paint("33", "isn: warning: ") + message);
        }
    }

    /** The closing line of a change: {@code OK: 12 MiB in 9 packages}. */
    void ok(long installedBytes, int packages) {
        info(paint("32", "OK:") + " " + mib(installedBytes) + " in " + packages + " package" + (packages == 1 ? "" : "s"));
    }

    /** The line apk prints for one change. */
    static String describe(int index, int total, Change c) {
        String prefix = "(" + index + "/" + total + ") ";
        return prefix + switch (c.action()) {
            case INSTALL -> "Installing " + c.name() + " (" + c.newVersion() + ")";
            case UPGRADE -> "Upgrading " + c.name() + " (" + c.oldVersion() + " -> " + c.newVersion() + ")";
            case DOWNGRADE -> "Downgrading " + c.name() + " (" + c.oldVersion() + " -> " + c.newVersion() + ")";
            case REINSTALL -> "Reinstalling " + c.name() + " (" + c.newVersion() + ")";
            case REMOVE -> "Purging " + c.name() + " (" + c.oldVersion() + ")";
        };
    }

    static String mib(long bytes) {
        return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KiB"
                : String.format(Locale.ROOT, "%d MiB", (bytes + 512 * 1024) / (1024 * 1024));
    }

    @Override
    public void on(EngineEvent event) {
        // Java 17: no pattern matching in switch yet, hence the instanceof chain.
        if (event instanceof EngineEvent.ChangeStarted s) {
            info(describe(s.index(), s.total(), s.change()));
        } else if (event instanceof EngineEvent.Download d) {
            bar(d);
        } else if (event instanceof EngineEvent.IndexUpdated u) {
            info(u.unchanged()
                    ? "fetch " + u.repository() + ": unchanged (serial " + u.serial() + ")"
                    : "fetch " + u.repository() + ": serial " + u.serial() + ", " + u.packages() + " packages");
        } else if (event instanceof EngineEvent.Warning w) {
            warn(w.message());
        } else if (event instanceof EngineEvent.ScriptFailed f) {
            warn(f.pkg() + ": " + f.script() + " script exited with status " + f.exitCode()
                    + "; run 'isn fix " + f.pkg() + "' to retry it");
        } else if (event instanceof EngineEvent.ScriptOutput o) {
            info(o.line());
        } else if (event instanceof EngineEvent.Recovered r) {
            warn("recovered an interrupted transaction (" + r.txn() + "): "
                    + (r.rolledForward() ? "completed it" : "rolled it back"));
        }
    }

    private synchronized void bar(EngineEvent.Download d) {
        if (!progress) {
            return;
        }
        int width = 30;
        int filled = d.total() > 0 ? (int) Math.min(width, d.done() * width / d.total()) : 0;
        String pct = d.total() > 0 ? String.format(Locale.ROOT, "%3d%%", d.done() * 100 / d.total()) : " ...";
        err.print("\r" + "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + pct + " " + d.what() + "\033[K");
        err.flush();
        barShown = true;
    }

    private synchronized void clearBar() {
        if (barShown) {
            err.print("\r\033[K");
            barShown = false;
        }
    }

    private String paint(String sgr, String text) {
        return color ? "\033[" + sgr + "m" + text + "\033[0m" : text;
    }
}
