package dev.kimigayo.isn.core.history;

import java.time.Instant;
import java.util.List;

import dev.kimigayo.isn.core.plan.Change;

/**
 * One transaction of the root's history, as {@code isn history} shows it.
 *
 * @param id           the transaction id, increasing
 * @param state        {@code pending}, {@code committed}, {@code done} or {@code rolled_back}
 * @param command      the command line that ran it
 * @param user         who ran it, or null
 * @param startedAt    when it started
 * @param committedAt  when its database change was committed, or null (rolled back)
 * @param changes      the package changes it made
 * @param request      the request in words ({@code add vim}), or null for a transaction committed
 *                     before isn kept plans
 * @param worldBefore  the world before it (empty when unknown)
 * @param worldAfter   the world after it (empty when unknown)
 */
public record HistoryEntry(long id, String state, String command, String user, Instant startedAt,
        Instant committedAt, List<Change> changes, String request, List<String> worldBefore,
        List<String> worldAfter) {

    /** Freezes the lists. */
    public HistoryEntry {
        changes = List.copyOf(changes);
        worldBefore = List.copyOf(worldBefore);
        worldAfter = List.copyOf(worldAfter);
    }

    /** Whether the transaction changed the root (committed, or committed and cleaned up). */
    public boolean committed() {
        return state.equals("committed") || state.equals("done");
    }
}
