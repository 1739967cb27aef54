package dev.kimigayo.isn.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.config.RepositoryEntry;
import dev.kimigayo.isn.core.engine.Engine;
import dev.kimigayo.isn.core.engine.Transaction;
import dev.kimigayo.isn.core.session.CancelledException;
import dev.kimigayo.isn.core.session.EngineEvent;
import dev.kimigayo.isn.core.session.EngineEvent.Ending;
import dev.kimigayo.isn.core.session.EngineEvent.Phase;
import dev.kimigayo.isn.core.session.EngineListener;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.solver.SolveRequest;

/**
 * The progress events of a real install over HTTP, driven through the library API: every
 * started phase, download and change gets exactly one finish, nested as documented
 * (changes in UNPACK, downloads in INDEXES or DOWNLOAD), and the finish says how it ended:
 * all OK on success, FAILED where a download is refused, CANCELLED where the caller stopped.
 */
class ProgressPairsTest {

    private static final List<String> COMMIT_PHASES = List.of("VERIFY OK", "UNPACK OK", "PRE_SCRIPTS OK", "PLACE OK",
            "COMMIT OK", "POST_SCRIPTS OK");

    @TempDir
    Path dir;

    /** Records every event (downloads report from several threads); cancels from the first {@code at} accepts. */
    private static final class Recorder implements EngineListener {
        final List<EngineEvent> events = Collections.synchronizedList(new ArrayList<>());
        private final Predicate<EngineEvent> at;
        private volatile boolean cancel;

        Recorder(Predicate<EngineEvent> at) {
            this.at = at;
        }

        @Override
        public void on(EngineEvent event) {
            events.add(event);
            if (at.test(event)) {
                cancel = true;
            }
        }

        @Override
        public boolean cancelled() {
            return cancel;
        }

        List<EngineEvent> snapshot() {
            synchronized (events) {
                return List.copyOf(events);
            }
        }
    }

    /**
     * Checks that the events are balanced and nested and returns each finish in order as text:
     * {@code "UNPACK OK"}, {@code "change 2 vim OK"}, {@code "download vim-9.0.isn FAILED"}.
     */
    static List<String> finishes(List<EngineEvent> events) {
        List<String> out = new ArrayList<>();
        Phase phase = null;
        EngineEvent.ChangeStarted change = null;
        Set<String> downloading = new HashSet<>();
        for (EngineEvent e : events) {
            if (e instanceof EngineEvent.PhaseStarted s) {
                assertEquals(null, phase, "a phase starts while " + phase + " is open");
                phase = s.phase();
            } else if (e instanceof EngineEvent.PhaseFinished f) {
                assertEquals(phase, f.phase(), "the phase that finishes is the open one");
                assertEquals(null, change, "no change is open when its phase finishes");
                assertEquals(Set.of(), downloading, "no download is open when its phase finishes");
                out.add(f.phase() + " " + f.ending());
                phase = null;
            } else if (e instanceof EngineEvent.ChangeStarted s) {
                assertEquals(Phase.UNPACK, phase, "changes start inside UNPACK");
                assertEquals(null, change, "changes do not overlap");
                change = s;
            } else if (e instanceof EngineEvent.ChangeFinished f) {
                assertTrue(change != null && change.index() == f.index() && change.change().equals(f.change()),
                        "the change that finishes is the open one: " + f);
                out.add("change " + f.index() + " " + f.change().name() + " " + f.ending());
                change = null;
            } else if (e instanceof EngineEvent.DownloadStarted s) {
                assertTrue(phase == Phase.INDEXES || phase == Phase.DOWNLOAD, "a download outside its phases: " + s);
                assertTrue(downloading.add(s.what()), "started twice: " + s);
            } else if (e instanceof EngineEvent.Download d) {
                assertTrue(downloading.contains(d.what()), "progress outside its pair: " + d);
            } else if (e instanceof EngineEvent.DownloadFinished f) {
                assertTrue(downloading.remove(f.what()), "finished without a start: " + f);
                out.add("download " + f.what() + " " + f.ending());
            } else if (e instanceof EngineEvent.InstallProgress p) {
                assertEquals(p.phase() == EngineEvent.InstallPhase.UNPACK ? Phase.UNPACK : Phase.PLACE, phase);
            }
        }
        assertEquals(null, phase, "every phase finished");
        assertEquals(null, change, "every change finished");
        assertEquals(Set.of(), downloading, "every download finished");
        return out;
    }

    private static List<String> phasesOnly(List<String> finishes) {
        return finishes.stream().filter(f -> !f.startsWith("change ") && !f.startsWith("download ")).toList();
    }

    /** The ending of each download of a package file, by file name. */
    private static Map<String, String> packageDownloads(List<String> finishes) {
        Map<String, String> out = new HashMap<>();
        finishes.stream().filter(f -> f.startsWith("download ") && f.contains(".isn "))
                .forEach(f -> out.put(f.split(" ")[1], f.split(" ")[2]));
        return out;
    }

    private static PackageRequest add(String... names) {
        return PackageRequest.of(SolveRequest.Operation.ADD, List.of(names));
    }

    private EngineSettings served(LibraryRepo r, ServedRepo server, EngineListener listener) {
        return r.settings(dir.resolve("root")).withExtraRepos(List.of(RepositoryEntry.of(server.uri())))
                .withListener(listener);
    }

    @Test
    void aSuccessfulInstallEndsEveryPairWell() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        Recorder rec = new Recorder(e -> false);
        Plan plan;
        try (ServedRepo server = new ServedRepo(r.repo); Transaction t = Transaction.open(served(r, server, rec))) {
            plan = t.plan(add("vim"));
            t.commit(plan);
        }

        List<EngineEvent> events = rec.snapshot();
        List<String> finishes = finishes(events);
        List<String> expected = new ArrayList<>(List.of("INDEXES OK", "DOWNLOAD OK"));
        expected.addAll(COMMIT_PHASES);
        assertEquals(expected, phasesOnly(finishes));
        assertTrue(finishes.containsAll(List.of("download index.json OK", "download index.json.sig OK")),
                finishes::toString);

        List<String> changes = finishes.stream().filter(f -> f.startsWith("change ")).toList();
        List<String> planned = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            planned.add("change " + (i + 1) + " " + plan.steps().get(i).change().name() + " OK");
        }
        assertEquals(planned, changes);

        Map<String, String> downloads = packageDownloads(finishes);
        assertEquals(plan.steps().size(), downloads.size(), downloads::toString);
        assertTrue(downloads.values().stream().allMatch("OK"::equals), downloads::toString);
        long bytes = plan.steps().stream().mapToLong(s -> s.incoming().size()).sum();
        assertTrue(events.contains(new EngineEvent.PhaseStarted(Phase.DOWNLOAD, bytes)), "DOWNLOAD totals the bytes");
        assertTrue(events.contains(new EngineEvent.PhaseStarted(Phase.UNPACK, unpackTotal(events))));
        assertTrue(Files.isRegularFile(dir.resolve("root/usr/bin/vim")));
    }

    /** The total the UNPACK progress counted up to. */
    private static long unpackTotal(List<EngineEvent> events) {
        return events.stream().filter(e -> e instanceof EngineEvent.InstallProgress p
                && p.phase() == EngineEvent.InstallPhase.UNPACK).map(e -> ((EngineEvent.InstallProgress) e).total())
                .findFirst().orElseThrow();
    }

    @Test
    void aRefusedDownloadFailsItsPairAndItsPhaseAndNothingAfter() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        String vim = vimFile(r);
        byte[] flipped = Files.readAllBytes(r.repo.resolve(vim));
        flipped[flipped.length / 2] ^= 1;
        Recorder rec = new Recorder(e -> false);
        try (ServedRepo server = new ServedRepo(r.repo)) {
            server.replace(vim, flipped);
            assertThrows(IsnException.class, () -> Engine.run(served(r, server, rec), add("vim")));
        }

        List<String> finishes = finishes(rec.snapshot());
        assertEquals(List.of("INDEXES OK", "DOWNLOAD FAILED"), phasesOnly(finishes));
        Map<String, String> downloads = packageDownloads(finishes);
        assertEquals("FAILED", downloads.get(vim), downloads::toString);
        downloads.remove(vim);
        assertTrue(downloads.values().stream().allMatch(e -> e.equals("OK") || e.equals("CANCELLED")),
                "the others completed or were abandoned: " + downloads);
        assertFalse(finishes.stream().anyMatch(f -> f.startsWith("change ")), finishes::toString);
        assertFalse(Files.exists(dir.resolve("root/usr/bin/vim")));
    }

    @Test
    void cancellingDuringADownloadCancelsItAndItsPhase() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        Recorder rec = new Recorder(e -> e instanceof EngineEvent.Download d && d.what().endsWith(".isn"));
        try (ServedRepo server = new ServedRepo(r.repo)) {
            assertThrows(CancelledException.class, () -> Engine.run(served(r, server, rec), add("vim")));
        }

        List<String> finishes = finishes(rec.snapshot());
        assertEquals(List.of("INDEXES OK", "DOWNLOAD CANCELLED"), phasesOnly(finishes));
        Map<String, String> downloads = packageDownloads(finishes);
        assertTrue(downloads.containsValue("CANCELLED"), downloads::toString);
        assertFalse(downloads.containsValue("FAILED"), downloads::toString);
    }

    @Test
    void cancellingWhileUnpackingCancelsTheUnpackPhaseAfterTheChangeInHand() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        Recorder rec = new Recorder(e -> e instanceof EngineEvent.ChangeStarted s && s.index() == 2);
        try (ServedRepo server = new ServedRepo(r.repo)) {
            assertThrows(CancelledException.class, () -> Engine.run(served(r, server, rec), add("vim")));
        }

        List<String> finishes = finishes(rec.snapshot());
        assertEquals(List.of("INDEXES OK", "DOWNLOAD OK", "VERIFY OK", "UNPACK CANCELLED"), phasesOnly(finishes));
        List<String> changes = finishes.stream().filter(f -> f.startsWith("change ")).map(f -> f.replaceAll(
                "change (\\d+) \\S+ (\\w+)", "$1 $2")).toList();
        assertEquals(List.of("1 OK", "2 OK"), changes, "the change in hand is staged, the next one never starts");
        assertFalse(Files.exists(dir.resolve("root/usr/bin/vim")));
    }

    @Test
    void cancellingAfterThePreScriptsCancelsPlacingBeforeTheFirstRename() throws Exception {
        LibraryRepo r = new LibraryRepo(dir);
        Recorder rec = new Recorder(e -> e instanceof EngineEvent.PhaseStarted s && s.phase() == Phase.PLACE);
        try (ServedRepo server = new ServedRepo(r.repo)) {
            assertThrows(CancelledException.class, () -> Engine.run(served(r, server, rec), add("vim")));
        }

        List<String> finishes = finishes(rec.snapshot());
        assertEquals(List.of("INDEXES OK", "DOWNLOAD OK", "VERIFY OK", "UNPACK OK", "PRE_SCRIPTS OK",
                "PLACE CANCELLED"), phasesOnly(finishes));
        assertFalse(rec.snapshot().stream().anyMatch(e -> e instanceof EngineEvent.InstallProgress p
                && p.phase() == EngineEvent.InstallPhase.PLACE), "no file was placed");
    }

    private static String vimFile(LibraryRepo r) throws Exception {
        try (Stream<Path> s = Files.list(r.repo)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("vim-9") && n.endsWith(".isn"))
                    .findFirst().orElseThrow();
        }
    }
}
