package dev.kimigayo.isn.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kimigayo.isn.core.solver.SolverPackage;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.ConstraintSyntaxException;
import dev.kimigayo.isn.core.version.Provide;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.zip.GZIPInputStream;

/**
 * Loads {@code debian-bookworm.jsonl.gz} (one package per line, isn/apk-style metadata) into
 * solver packages, parsing blocks of lines with Jackson so the whole file is never held as text. Conflicts
 * ({@code !name}) become part of {@code depends}, as in PKGINFO. Equal strings are shared to keep
 * the heap small.
 */
public final class DebianDataset {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int PARSERS = 2;
    private static final int BLOCK = 1 << 20;
    /** A text seen for the first time is its own interned value. */
    private static final TextTable.Maker<String, RuntimeException> SAME = text -> text;
    private final TextTable<String> strings = new TextTable<>();
    private final TextTable<Constraint> constraints = new TextTable<>();
    private final TextTable<Provide> provideTable = new TextTable<>();
    /** Reused for every package: SolverPackage copies them. */
    private final List<Constraint> depends = new ArrayList<>();
    private final List<Provide> provides = new ArrayList<>();

    private DebianDataset() {
    }

    /** Reads every package of the dataset, in file order. */
    public static List<SolverPackage> load(Path file) throws IOException, ConstraintSyntaxException {
        // Inflating is sequential, parsing need not be: this thread inflates blocks of whole lines
        // while two parsers (one interning table each) take them in turn. Blocks in flight are
        // bounded so the heap never holds much more than the parsed packages.
        ThreadLocal<DebianDataset> perThread = ThreadLocal.withInitial(DebianDataset::new);
        ExecutorService parsers = Executors.newFixedThreadPool(PARSERS, r -> {
            Thread t = new Thread(r, "dataset-parser");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(PARSERS * 2);
        List<Future<List<SolverPackage>>> parts = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] carry = new byte[0];
            while (true) {
                byte[] block = Arrays.copyOf(carry, BLOCK);
                int n = carry.length + in.readNBytes(block, carry.length, BLOCK - carry.length);
                int end = n == BLOCK ? lastNewline(block, n) + 1 : n;
                if (end == 0 && n == BLOCK) {
                    throw new IOException(file + ": a line longer than " + BLOCK + " bytes");
                }
                carry = Arrays.copyOfRange(block, end, n);
                if (end > 0) {
                    inFlight.acquireUninterruptibly();
                    int length = end;
                    parts.add(parsers.submit(() -> {
                        try {
                            return perThread.get().read(block, length);
                        } finally {
                            inFlight.release();
                        }
                    }));
                }
                if (n < BLOCK) {
                    break;
                }
            }
            List<SolverPackage> out = new ArrayList<>(70_000);
            for (Future<List<SolverPackage>> part : parts) {
                out.addAll(part.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading " + file, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConstraintSyntaxException c) {
                throw c;
            }
            throw new IOException(file + ": " + e.getCause().getMessage(), e.getCause());
        } finally {
            parsers.shutdownNow();
        }
    }

    private static int lastNewline(byte[] b, int n) {
        for (int i = n - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private List<SolverPackage> read(byte[] block, int length) throws IOException, ConstraintSyntaxException {
        List<SolverPackage> out = new ArrayList<>(4_096);
        try (JsonParser p = JSON.createParser(block, 0, length)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                out.add(readOne(p));
            }
        }
        return out;
    }

    private SolverPackage readOne(JsonParser p) throws IOException, ConstraintSyntaxException {
        String name = null;
        String version = null;
        String arch = null;
        depends.clear();
        provides.clear();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "name" -> name = intern(p);
                case "version" -> version = intern(p);
                case "architecture" -> arch = intern(p);
                case "depends", "conflicts" -> {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        depends.add(constraints.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(),
                                this::constraint));
                    }
                }
                case "provides" -> {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        provides.add(provideTable.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(),
                                this::provide));
                    }
                }
                default -> {
                    if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                        p.skipChildren();
                    }
                }
            }
        }
        return new SolverPackage(name, version, arch, depends, provides, List.of(), 0, null, null);
    }

    private Constraint constraint(String text) throws ConstraintSyntaxException {
        Constraint parsed = Constraint.parse(text);
        return new Constraint(intern(parsed.name()), parsed.tag(), parsed.op(),
                parsed.version() == null ? null : intern(parsed.version()), parsed.conflict());
    }

    private Provide provide(String text) throws ConstraintSyntaxException {
        Provide pr = Provide.parse(text);
        return new Provide(intern(pr.name()), pr.version() == null ? null : intern(pr.version()));
    }

    private String intern(JsonParser p) throws IOException {
        return strings.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), SAME);
    }

    private String intern(String s) {
        return strings.get(s.toCharArray(), 0, s.length(), SAME);
    }
}
