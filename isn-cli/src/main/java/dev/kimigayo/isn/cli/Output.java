package dev.kimigayo.isn.cli;

import java.io.PrintStream;
import java.util.Locale;

import dev.kimigayo.isn.core.plan.Change;
import dev.kimigayo.isn.core.session.EngineEvent;
import dev.kimigayo.isn.core.session.EngineListener;

/**
 * Renders an operation for people on stderr: apk-like lines ({@code (1/3) Installing
 * ncurses-libs (6.4-r1)}) always, plus a redrawn progress bar ({@link ProgressLine}) on a terminal
 * for downloads, unpacking and placing files.
 * {@code --quiet} keeps only errors; {@code NO_COLOR} or a non-terminal turns colour off.
 */
final class Output implements EngineListener {

    private final PrintStream err;
    private final boolean quiet;
    private final boolean verbose;
    private final boolean progress;
    private final boolean color;
    private final int columns;
    private boolean barShown;
    private String lastBar;
    private int downloading;
    private final java.util.List<String> warnings = new java.util.ArrayList<>();
    private final Interruption interruption;

    Output(CliContext context, Settings settings, boolean terminal) {
        this.err = context.err();
        this.interruption = context.interruption();
        this.quiet = settings.quiet();
        this.verbose = settings.verbose();
        this.progress = terminal && !settings.noProgress() && !settings.quiet() && !settings.json()
                && !"dumb".equals(context.env().get("TERM"));
        this.color = terminal && !context.env().containsKey("NO_COLOR");
        this.columns = columns(context.env().get("COLUMNS"));
    }

    /** The terminal width from {@code COLUMNS} (shells export it), else 80; never below 20. */
    static int columns(String value) {
        try {
            return value == null ? 80 : Math.max(20, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** Whether progress bars are drawn: a terminal, and none of --no-progress, --quiet, --json, TERM=dumb. */
    boolean showsProgress() {
        return progress;
    }

    /** Erases a progress bar still on the screen, so what follows starts on a clean line. */
    void finish() {
        clearBar();
    }

    /** True when stdin and stdout are an interactive terminal (the JVM sees a console): questions can be asked. */
    static boolean isTerminal() {
        return System.console() != null;
    }

    /**
     * True when stderr, where progress goes, is a terminal. The JVM has no isatty(2); on Linux
     * {@code /proc/self/fd/2} names the device. Elsewhere, fall back to the console check.
     */
    static boolean stderrIsTerminal() {
        try {
            return isTerminalDevice(java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2"))
                    .toString());
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return isTerminal();
        }
    }

    /** Whether {@code device} (what fd 2 points at) is a terminal: a pseudo-terminal, a tty or the console. */
    static boolean isTerminalDevice(String device) {
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
    }

    /** Prints an informational line unless quiet; control characters in it are escaped. */
    void info(String line) {
        if (!quiet) {
            clearBar();
            err.println(TerminalText.escape(line));
        }
    }

    /** Prints a detail line only with --verbose. */
    void detail(String line) {
        if (verbose && !quiet) {
            info(line);
        }
    }

    /** The warnings of this run so far, in order (for the JSON document's {@code warnings}). */
    synchronized java.util.List<String> warnings() {
        return java.util.List.copyOf(warnings);
    }

    /** Prints a warning unless quiet; remembers it for {@link #warnings()} either way. */
    void warn(String message) {
        synchronized (this) {
            warnings.add(message);
        }
        if (!quiet) {
            clearBar();
            err.println(paint("33", "isn: warning: ") + TerminalText.escape(message));
        }
    }

    /** The closing line of a change: {@code OK: 12 MiB in 9 packages}. */
    void ok(long installedBytes, int packages) {
        if (quiet) {
            return;
        }
        clearBar();
        err.println(paint("32", "OK:") + " " + mib(installedBytes) + " in " + packages + " package" + (packages == 1 ? "" : "s"));
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
    public boolean cancelled() {
        return interruption.requested();
    }

    @Override
    public void on(EngineEvent event) {
        // Java 17: no pattern matching in switch yet, hence the instanceof chain.
        if (event instanceof EngineEvent.ChangeStarted s) {
            info(describe(s.index(), s.total(), s.change()));
        } else if (event instanceof EngineEvent.Download d) {
            bar(new ProgressLine("fetch", TerminalText.escape(d.what()), d.done(), d.total()));
        } else if (event instanceof EngineEvent.DownloadStarted) {
            downloads(1);
        } else if (event instanceof EngineEvent.DownloadFinished) {
            downloads(-1);
        } else if (event instanceof EngineEvent.PhaseFinished) {
            clearBar(); // the phase the bar showed is over, well or not: no stale bar while the next one starts
        } else if (event instanceof EngineEvent.InstallProgress p) {
            bar(new ProgressLine(p.phase() == EngineEvent.InstallPhase.UNPACK ? "unpack" : "place", p.pkg() == null ? null : TerminalText.escape(p.pkg()),
                    p.done(), p.total()));
        } else if (event instanceof EngineEvent.IndexUpdated u) {
            info(u.unchanged()
                    ? "fetch " + u.repository() + ": unchanged (serial " + u.serial() + ")"
                    : "fetch " + u.repository() + ": serial " + u.serial() + ", " + u.packages() + " packages");
        } else if (event instanceof EngineEvent.Warning w) {
            warn(w.message());
        } else if (event instanceof EngineEvent.Note n) {
            info("isn: note: " + n.message());
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

    /** Counts downloads in flight (several run at once); the fetch bar goes when the last one ends. */
    private synchronized void downloads(int delta) {
        downloading += delta;
        if (downloading == 0) {
            clearBar();
        }
    }

    private synchronized void bar(ProgressLine state) {
        if (!progress) {
            return;
        }
        String line = state.render(columns, color);
        if (barShown && line.equals(lastBar)) {
            return; // events come per chunk and per file: redraw only when the picture changes
        }
        err.print("\r" + line + "\033[K");
        err.flush();
        barShown = true;
        lastBar = line;
    }

    private synchronized void clearBar() {
        if (barShown) {
            err.print("\r\033[K");
            err.flush();
            barShown = false;
        }
    }

    private String paint(String sgr, String text) {
        return color ? "\033[" + sgr + "m" + text + "\033[0m" : text;
    }
}
