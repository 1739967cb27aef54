package dev.kimigayo.isn.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kimigayo.isn.core.solver.SolverPackage;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.ConstraintSyntaxException;
import dev.kimigayo.isn.core.version.Provide;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Loads {@code debian-bookworm.jsonl.gz} (one package per line, isn/apk-style metadata) into
 * solver packages, streaming with Jackson so the whole file is never held as text. Conflicts
 * ({@code !name}) become part of {@code depends}, as in PKGINFO. Equal strings are shared to keep
 * the heap small.
 */
public final class DebianDataset {
    private final TextTable<String> strings = new TextTable<>();
    private final TextTable<Constraint> constraints = new TextTable<>();
    private final TextTable<Provide> provideTable = new TextTable<>();
    /** Reused for every package: SolverPackage copies them. */
    private final List<Constraint> depends = new ArrayList<>();
    private final List<Provide> provides = new ArrayList<>();

    private DebianDataset() {
    }

    /** Reads every package of the dataset. */
    public static List<SolverPackage> load(Path file) throws IOException, ConstraintSyntaxException {
        return new DebianDataset().read(file);
    }

    private List<SolverPackage> read(Path file) throws IOException, ConstraintSyntaxException {
        List<SolverPackage> out = new ArrayList<>(70_000);
        JsonFactory f = new JsonFactory();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)), 1 << 16);
                JsonParser p = f.createParser(in)) {
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
        return strings.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), TextTable.of(s -> s));
    }

    private String intern(String s) {
        return strings.get(s.toCharArray(), 0, s.length(), TextTable.of(k -> k));
    }
}
