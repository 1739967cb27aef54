package dev.kimigayo.isn.core.repo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes an index in its one canonical byte form (docs/format-index.md): fixed key order, the
 * envelope one field per line, one compact line per package, UTF-8, LF line ends. The same
 * {@link RepoIndex} always gives the same bytes.
 */
public final class IndexJsonWriter {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "isn-index";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private IndexJsonWriter() {
    }

    /** The canonical bytes of {@code index}; its packages must already be in canonical order. */
    public static byte[] write(RepoIndex index) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 512 * index.packages().size());
        try {
            write(index, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Writes the canonical bytes of {@code index} to {@code out} (not closed). */
    public static void write(RepoIndex index, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            // Root-level values are glued by raw structure below, never by a separator.
            g.setRootValueSeparator(null);
            g.writeRaw("{\n  \"format\": ");
            g.writeString(FORMAT);
            g.writeRaw(",\n  \"format_version\": ");
            g.writeNumber(index.formatVersion());
            g.writeRaw(",\n  \"repository\": ");
            g.writeStartObject();
            g.writeStringField("name", index.repository().name());
            if (!index.repository().description().isEmpty()) {
                g.writeStringField("description", index.repository().description());
            }
            g.writeEndObject();
            g.writeRaw(",\n  \"serial\": ");
            g.writeNumber(index.serial());
            g.writeRaw(",\n  \"generated\": ");
            g.writeString(timestamp(index.generated()));
            g.writeRaw(",\n  \"expires\": ");
            g.writeString(timestamp(index.expires()));
            g.writeRaw(",\n  \"packages\": [");
            List<IndexEntry> packages = index.packages();
            for (int i = 0; i < packages.size(); i++) {
                g.writeRaw(i == 0 ? "\n    " : ",\n    ");
                IndexEntryJson.write(packages.get(i), g);
            }
            g.writeRaw(packages.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        }
    }

    /** An instant as RFC 3339 UTC with whole seconds, e.g. {@code 2026-11-27T08:30:00Z}. */
    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
