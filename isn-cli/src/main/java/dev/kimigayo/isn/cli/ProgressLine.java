package dev.kimigayo.isn.cli;

import java.util.Locale;

/**
 * What a progress bar shows at one instant, and how it is drawn: a pure function from this state
 * to one line of text, so the drawing is tested without a terminal.
 * {@code fetch [##########          ]  50% vim-9.0.2127-r0.isn}.
 *
 * @param phase what is happening ({@code fetch}, {@code unpack}, {@code place}), at most 6 letters
 * @param item  what it is happening to (a file or package name), may be empty
 * @param done  units done so far
 * @param total units in all, or -1 (or 0) when unknown
 */
record ProgressLine(String phase, String item, long done, long total) {

    /** The bar's width in cells between the brackets. */
    static final int BAR = 20;

    /** Normalises a null item to empty. */
    ProgressLine {
        item = item == null ? "" : item;
    }

    /** The percentage done, 0 to 100, or -1 when the total is unknown. */
    int percent() {
        if (total <= 0) {
            return -1;
        }
        return (int) Math.max(0, Math.min(100, done * 100 / total));
    }

    /**
     * The line, at most {@code columns} characters visible (the item is cut with "…" to fit;
     * one column is kept free so the cursor never wraps), with the filled part of the bar in
     * green when {@code color}.
     */
    String render(int columns, boolean color) {
        int pct = percent();
        int filled = pct < 0 ? 0 : pct * BAR / 100;
        String bar = "#".repeat(filled);
        String rest = " ".repeat(BAR - filled);
        String head = String.format(Locale.ROOT, "%-6s [", phase);
        String tail = "] " + (pct < 0 ? " ..." : String.format(Locale.ROOT, "%3d%%", pct));
        int room = columns - 1 - head.length() - BAR - tail.length() - 1;
        String shown = fit(item, room);
        String painted = color && filled > 0 ? "\033[32m" + bar + "\033[0m" : bar;
        return head + painted + rest + tail + (shown.isEmpty() ? "" : " " + shown);
    }

    /** {@code text} cut to {@code room} characters, the last one an ellipsis when cut; empty when no room. */
    static String fit(String text, int room) {
        if (room <= 0) {
            return "";
        }
        if (text.length() <= room) {
            return text;
        }
        return text.substring(0, room - 1) + "…";
    }
}
