package dev.kimigayo.isn.core.archive;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;

/** The rules every path and link target in a package obeys, shared by the writer and the reader. */
public final class EntryPaths {

    /** Code point order, which equals the byte order of the UTF-8 encodings: the payload order. */
    public static final Comparator<String> ORDER = EntryPaths::compare;

    private EntryPaths() {
    }

    /**
     * Why {@code path} is not a canonical relative path, or null when it is: non-empty, no
     * leading or trailing '/', no empty, '.' or '..' component, no control or bidirectional
     * control character.
     */
    public static String problem(String path) {
        if (path.isEmpty()) {
            return "empty path";
        }
        if (path.startsWith("/")) {
            return "absolute path";
        }
        String control = controlProblem(path);
        if (control != null) {
            return control;
        }
        for (String part : path.split("/", -1)) {
            if (part.equals("..")) {
                return "path contains '..'";
            }
            if (part.isEmpty() || part.equals(".")) {
                return "path is not canonical (empty or '.' component)";
            }
        }
        return null;
    }

    /**
     * Why a name or link target cannot be stored, or null: empty, or holding a control character
     * (C0, DEL, C1) or a Unicode bidirectional control, which would make the path display
     * differently from what it is (the same characters PKGINFO values refuse).
     */
    public static String controlProblem(String text) {
        if (text.isEmpty()) {
            return "empty name";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                return String.format("control character U+%04X in name", (int) c);
            }
            if (isBidiControl(c)) {
                return String.format("bidirectional control character U+%04X in name", (int) c);
            }
        }
        return null;
    }

    /** The Unicode bidirectional formatting characters: LRM, RLM, LRE..RLO, LRI..PDI, ALM. */
    public static boolean isBidiControl(char c) {
        return c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f || c == 0x061c;
    }

    /**
     * Whether a symlink at {@code path} pointing to {@code target} stays inside the package root
     * when resolved lexically: relative targets against the link's directory, absolute targets
     * against the install root (as they are inside a chroot).
     */
    public static boolean linkStaysInside(String path, String target) {
        Deque<String> stack = new ArrayDeque<>();
        if (!target.startsWith("/")) {
            String[] parts = path.split("/");
            for (int i = 0; i < parts.length - 1; i++) {
                stack.addLast(parts[i]);
            }
        }
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (stack.isEmpty()) {
                    return false;
                }
                stack.removeLast();
            } else {
                stack.addLast(part);
            }
        }
        return true;
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
