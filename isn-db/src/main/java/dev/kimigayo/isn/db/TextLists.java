package dev.kimigayo.isn.db;

import java.util.List;

/**
 * Stores a list of words (constraints, paths) in one TEXT column, one per line: PKGINFO values
 * never contain a newline, and the column stays readable in the sqlite3 shell.
 */
final class TextLists {

    private TextLists() {
    }

    static String join(List<String> items) {
        for (String item : items) {
            if (item.indexOf('\n') >= 0 || item.isEmpty()) {
                throw new IllegalArgumentException("list item is empty or has a newline: " + item);
            }
        }
        return String.join("\n", items);
    }

    static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }
}
