package dev.kimigayo.isn.core.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Shared values for the fetch tests: bodies, hashes, fast settings, a recording sleeper. */
final class Fixtures {

    private Fixtures() {
    }

    /** {@code n} bytes of a fixed, non-repeating-looking pattern. */
    static byte[] body(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >> 8));
        }
        return b;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Records the delays it is asked to sleep, without sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> delays = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sleep(Duration delay) {
            delays.add(delay);
        }
    }

    /**
     * Timeouts short enough for tests yet long enough that a loaded CI machine never trips them
     * by accident (a spurious stall would turn into a retry and a wrong hit count).
     */
    static FetchSettings fast(Sleeper sleeper) {
        return FetchSettings.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
                .withSleeper(sleeper);
    }

    /** Every file left in {@code dir} (to prove no partial download remains). */
    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
