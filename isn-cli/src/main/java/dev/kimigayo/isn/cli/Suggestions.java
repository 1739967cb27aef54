package dev.kimigayo.isn.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The names nearest to a mistyped one ({@code instal} → {@code install}, {@code --dry-rum} →
 * {@code --dry-run}). picocli's own suggestions rank every name and so offer three guesses even
 * for a one-letter slip; this keeps only the closest names, and none when nothing is close.
 */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * The names of {@code candidates} at the smallest edit distance from {@code typed} (insertions,
     * deletions, substitutions and swaps of neighbours), when that distance is at most a third of
     * the word (at least 1), or that start with it; in the order given.
     */
    static List<String> nearest(String typed, Collection<String> candidates) {
        String word = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        int limit = Math.max(1, word.replaceFirst("^-+", "").length() / 3);
        int best = Integer.MAX_VALUE;
        List<String> found = new ArrayList<>();
        for (String c : candidates) {
            int d = distance(word, c);
            if (d > limit && !(word.length() >= 3 && c.startsWith(word))) {
                continue;
            }
            if (d < best) {
                best = d;
                found.clear();
            }
            if (d == best && !found.contains(c)) {
                found.add(c);
            }
        }
        return found;
    }

    /** Optimal string alignment distance between {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
