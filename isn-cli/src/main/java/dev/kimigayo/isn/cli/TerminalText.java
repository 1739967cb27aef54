package dev.kimigayo.isn.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

import dev.kimigayo.isn.core.IsnException;

/**
 * Makes text that came from a package, an index or a server safe to show: a hostile file name
 * holding ESC[31m, BEL or a right-to-left override must not drive the terminal or make a line
 * read differently from what it is. The one place that decides which characters are escaped;
 * text output escapes them as {@code \xHH} / {@code \\uHHHH}, JSON as {@code \\uHHHH}.
 */
final class TerminalText {

    private TerminalText() {
    }

    /**
     * Whether {@code c} is escaped: C0 controls, DEL, C1 controls, the Unicode bidirectional
     * controls (LRM, RLM, ALM, LRE..RLO, LRI..PDI) and the line and paragraph separators.
     */
    static boolean isUnsafe(int c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x061c || c == 0x200e || c == 0x200f
                || c >= 0x2028 && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }

    /** {@code text} with every unsafe character escaped, newlines included (one line stays one line). */
    static String escape(String text) {
        return escape(text, false);
    }

    /** {@code text} with every unsafe character escaped except the newline (isn's own multi-line messages). */
    static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    /**
     * The message of {@code e} as printed: escaped; only the solver's explanations and syntax
     * errors (which quote the user's own input under a caret) keep their line breaks.
     */
    static String message(IsnException e) {
        String m = String.valueOf(e.getMessage());
        boolean multiLine = e.kind() == IsnException.Kind.UNSATISFIABLE || e.kind() == IsnException.Kind.USAGE;
        return multiLine ? escapeKeepingLines(m) : escape(m);
    }

    private static String escape(String text, boolean keepNewlines) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c) && !(keepNewlines && c == '\n')) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(c < 0x80 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Jackson escapes for the JSON output: every unsafe character as {@code \\uHHHH}, so JSON stays plain text. */
    static final class JsonEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        JsonEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return isUnsafe(ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }
}
