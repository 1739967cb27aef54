package dev.kimigayo.isn.db;

import java.util.List;
import java.util.Objects;

/**
 * What a committed transaction was asked and planned, kept for {@code isn history} and
 * {@code isn undo}: the request, the world and the installed set before it, the world after it
 * and its planned steps. Each list item is one line without a newline.
 *
 * @param request          the request in words ({@code add vim}, {@code undo 4})
 * @param worldBefore      the world before the transaction
 * @param worldAfter       the world after it
 * @param installedBefore  every package installed before it, one {@code NAME VERSION ARCH} line each
 * @param steps            the planned steps, one {@code ACTION NAME OLD NEW SHA256 SOURCE} line each
 *                         ({@code -} for an absent field)
 */
public record TransactionPlan(String request, List<String> worldBefore, List<String> worldAfter,
        List<String> installedBefore, List<String> steps) {

    /** Freezes the lists. */
    public TransactionPlan {
        Objects.requireNonNull(request, "request");
        worldBefore = List.copyOf(worldBefore);
        worldAfter = List.copyOf(worldAfter);
        installedBefore = List.copyOf(installedBefore);
        steps = List.copyOf(steps);
    }
}
