package dev.kimigayo.isn.core.repo;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Parses {@code index.json} strictly (docs/format-index.md): a size cap, required fields with
 * their exact types, no duplicate keys or packages, nothing after the document. Unknown fields
 * are skipped (forward compatibility inside one format version). Signature checks are not done
 * here but in {@link IndexReader}, before this parser ever sees the bytes.
 */
public final class IndexJsonParser {

    /**
     * The largest index accepted, by every reader and downloader (64 MiB): the 65,518-package
     * Debian bookworm graph makes a 35 MiB index, and an index is parsed in memory, so the cap
     * leaves room for growth while bounding what a hostile mirror can make a client hold.
     */
    public static final int MAX_SIZE = 64 * 1024 * 1024;

    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE) // a streamed index is drained and hashed after the parse
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8).maxStringLength(1024 * 1024).maxNumberLength(20)
                    .maxDocumentLength(MAX_SIZE).build())
            .build();

    /** Takes the packages of a streamed parse one at a time, instead of a list holding them all. */
    interface Sink {
        /** Takes the next package; false if its file is one an earlier package named (the parse then fails). */
        boolean add(IndexEntry entry);
    }

    /** Packages per shared {@link ValueTable} in a streamed parse: sharing within a batch, memory bounded across. */
    private static final int SHARED_BATCH = 2048;

    private final String source;
    private final JsonParser p;
    private final Sink sink;

    private IndexJsonParser(String source, JsonParser p, Sink sink) {
        this.source = source;
        this.p = p;
        this.sink = sink;
    }

    /** Parses the bytes of an index read from {@code source} (a path or URL, used in messages). */
    public static RepoIndex parse(byte[] json, String source) throws MalformedIndexException {
        if (json.length > MAX_SIZE) {
            throw new MalformedIndexException("index-too-large", source,
                    "index is " + json.length + " bytes, more than the limit of " + MAX_SIZE);
        }
        if (json.length == 0 || json[0] != '{') {
            // Also keeps Jackson from guessing UTF-16/32 or skipping a byte order mark: UTF-8 only.
            throw MalformedIndexException.malformed(source, "index does not start with '{': not an isn index");
        }
        try (JsonParser p = JSON.createParser(json)) {
            return new IndexJsonParser(source, p, null).document();
        } catch (JsonProcessingException e) {
            throw MalformedIndexException.malformed(source, "invalid JSON at line "
                    + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw MalformedIndexException.malformed(source, "unreadable JSON: " + e.getMessage());
        }
    }

    /**
     * Parses an index streamed from {@code in} (not closed), so the bytes and the parsed packages
     * are never on the heap together; the caller has checked the size and what the bytes are.
     */
    public static RepoIndex parse(java.io.InputStream in, String source) throws MalformedIndexException {
        return parse(in, source, null);
    }

    /**
     * Parses an index streamed from {@code in} (not closed) with every check of {@link #parse},
     * handing each package to {@code sink} as it is read and keeping none: the index returned has
     * the top-level fields and no packages. A failure of the sink propagates unchecked.
     */
    static RepoIndex parse(java.io.InputStream in, String source, Sink sink) throws MalformedIndexException {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in, 1 << 16);
        try {
            buffered.mark(1);
            if (buffered.read() != '{') {
                throw MalformedIndexException.malformed(source, "index does not start with '{': not an isn index");
            }
            buffered.reset();
        } catch (IOException e) {
            throw MalformedIndexException.malformed(source, "unreadable: " + e.getMessage());
        }
        try (JsonParser p = JSON.createParser(buffered)) {
            return new IndexJsonParser(source, p, sink).document();
        } catch (JsonProcessingException e) {
            throw MalformedIndexException.malformed(source, "invalid JSON at line "
                    + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw MalformedIndexException.malformed(source, "unreadable JSON: " + e.getMessage());
        }
    }

    /**
     * The serial of an existing index, reading only the top-level fields; used by
     * {@code isn index} to number the next index of a folder it owns.
     */
    public static long peekSerial(byte[] json, String source) throws MalformedIndexException {
        if (json.length == 0 || json[0] != '{') {
            throw new MalformedIndexException("index-previous-unreadable", source, "the previous index is not an"
                    + " isn index, so the next serial is unknown; move it away to start from the current time");
        }
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (p.nextToken() == JsonToken.VALUE_NUMBER_INT && "serial".equals(field)
                        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER && p.getLongValue() >= 0) {
                    return p.getLongValue();
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            // Fall through to the refusal below: the previous index is unreadable.
        }
        throw new MalformedIndexException("index-previous-unreadable", source, "the previous index has no"
                + " readable serial, so the next serial is unknown; move it away to start from the current time");
    }

    private RepoIndex document() throws IOException, MalformedIndexException {
        expect(p.nextToken(), JsonToken.START_OBJECT, "the document");
        String format = null;
        Integer version = null;
        RepositoryInfo repository = null;
        Long serial = null;
        Instant generated = null;
        Instant expires = null;
        List<IndexEntry> packages = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "format" -> format = string(value, field);
                case "format_version" -> version = formatVersion(value);
                case "repository" -> repository = repository(value);
                case "serial" -> serial = nonNegative(value, field);
                case "generated" -> generated = instant(value, field);
                case "expires" -> expires = instant(value, field);
                case "packages" -> packages = packages(value);
                default -> p.skipChildren();
            }
            if ("format".equals(field) && !IndexJsonWriter.FORMAT.equals(format)) {
                throw fail("field 'format' is '" + format + "', not '" + IndexJsonWriter.FORMAT + "'");
            }
        }
        if (p.nextToken() != null) {
            throw fail("unexpected data after the end of the document");
        }
        require(format, "format");
        require(version, "format_version");
        require(repository, "repository");
        require(serial, "serial");
        require(generated, "generated");
        require(expires, "expires");
        require(packages, "packages");
        if (!expires.isAfter(generated)) {
            throw fail("'expires' (" + expires + ") is not after 'generated' (" + generated + ")");
        }
        return new RepoIndex(version, repository, serial, generated, expires, packages);
    }

    private int formatVersion(JsonToken value) throws IOException, MalformedIndexException {
        long v = nonNegative(value, "format_version");
        if (v > RepoIndex.FORMAT_VERSION) {
            throw new MalformedIndexException("index-unsupported-format", source, "index format version " + v
                    + " is newer than the supported version " + RepoIndex.FORMAT_VERSION + " (upgrade isn)");
        }
        if (v < 1) {
            throw fail("field 'format_version' is " + v + ", the first version is 1");
        }
        return (int) v;
    }

    private RepositoryInfo repository(JsonToken value) throws IOException, MalformedIndexException {
        expect(value, JsonToken.START_OBJECT, "field 'repository'");
        String name = null;
        String description = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "name" -> name = string(v, "repository.name");
                case "description" -> description = string(v, "repository.description");
                default -> p.skipChildren();
            }
        }
        if (name == null || name.isEmpty()) {
            throw fail("field 'repository.name' is missing or empty");
        }
        return new RepositoryInfo(name, description);
    }

    private List<IndexEntry> packages(JsonToken value) throws IOException, MalformedIndexException {
        expect(value, JsonToken.START_ARRAY, "field 'packages'");
        List<IndexEntry> entries = new ArrayList<>();
        Set<String> files = new HashSet<>();
        ValueTable values = new ValueTable();
        int count = 0;
        for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; count++) {
            String where = "packages[" + count + "]";
            expect(t, JsonToken.START_OBJECT, where);
            if (sink != null && count % SHARED_BATCH == 0) {
                values = new ValueTable();
            }
            IndexEntry entry = IndexEntryJson.read(p, where, this::fail, values);
            if (sink != null ? !sink.add(entry) : !files.add(entry.file())) {
                throw fail(where + ": file '" + entry.file() + "' is listed twice");
            }
            if (sink == null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private Instant instant(JsonToken value, String field) throws IOException, MalformedIndexException {
        String text = string(value, field);
        if (!TIMESTAMP.matcher(text).matches()) {
            throw fail("field '" + field + "' is '" + text + "', not an RFC 3339 UTC time like 2026-01-31T12:00:00Z");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw fail("field '" + field + "' is not a valid time: " + text);
        }
    }

    private String string(JsonToken value, String field) throws IOException, MalformedIndexException {
        expect(value, JsonToken.VALUE_STRING, "field '" + field + "'");
        return p.getText();
    }

    private long nonNegative(JsonToken value, String field) throws IOException, MalformedIndexException {
        expect(value, JsonToken.VALUE_NUMBER_INT, "field '" + field + "'");
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER || p.getLongValue() < 0) {
            throw fail("field '" + field + "' is " + p.getText() + ", not an integer from 0 to 2^63-1");
        }
        return p.getLongValue();
    }

    private void expect(JsonToken actual, JsonToken expected, String what) throws MalformedIndexException {
        if (actual != expected) {
            throw fail(what + " must be " + describe(expected) + " but is " + describe(actual));
        }
    }

    private void require(Object value, String field) throws MalformedIndexException {
        if (value == null) {
            throw fail("required field '" + field + "' is missing");
        }
    }

    private MalformedIndexException fail(String detail) {
        return MalformedIndexException.malformed(source, detail + " (line " + p.currentLocation().getLineNr() + ")");
    }

    /** A JSON token as a reader of an error message would name it. */
    static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the data";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
