package dev.kimigayo.isn.cli;

import java.io.PrintStream;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.plan.Change;

/**
 * The one JSON document a command prints on stdout with {@code --json}. Every document carries
 * {@code schema_version}, {@code command} and {@code ok}; the rest is per command (docs/json.md).
 * Bump {@link #SCHEMA_VERSION} on any incompatible change.
 */
final class JsonReport {

    /** The version of the schema in docs/json.md. */
    static final int SCHEMA_VERSION = 2;

    // Every command fills a report, with or without --json; only printing and converting need an
    // ObjectMapper, whose set-up (date formats, locale data) cost ~0.25 s of every start-up.
    private final ObjectNode doc = JsonNodeFactory.instance.objectNode();

    /** The mapper, made on first use. */
    static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    private static final class Mapper {
        static final ObjectMapper INSTANCE = mapper();
        // Core records (the solver's explanation) name their components in Java style; JSON keys are snake_case.
        static final ObjectMapper SNAKE = new ObjectMapper()
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

        private static ObjectMapper mapper() {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            m.getFactory().setCharacterEscapes(new TerminalText.JsonEscapes());
            return m;
        }
    }

    JsonReport(String command) {
        doc.put("schema_version", SCHEMA_VERSION);
        doc.put("command", command);
        doc.put("ok", true);
    }

    /** The document's root object, for command-specific members. */
    /** A core record (a solver explanation) as JSON with snake_case keys. */
    static com.fasterxml.jackson.databind.JsonNode snake(Object value) {
        return Mapper.SNAKE.valueToTree(value);
    }

    ObjectNode root() {
        return doc;
    }

    /** Sets {@code changes} to the plan's changes. */
    JsonReport changes(List<Change> changes) {
        ArrayNode array = doc.putArray("changes");
        for (Change c : changes) {
            ObjectNode o = array.addObject();
            o.put("action", c.action().jsonName());
            o.put("name", c.name());
            o.put("old_version", c.oldVersion());
            o.put("new_version", c.newVersion());
        }
        return this;
    }

    /** Sets {@code warnings} to {@code messages} (what stderr showed as warnings); absent when there were none. */
    JsonReport warnings(List<String> messages) {
        if (!messages.isEmpty()) {
            ArrayNode array = doc.putArray("warnings");
            messages.forEach(array::add);
        }
        return this;
    }

    /** Records a failure: {@code ok} false and an {@code error} object with the stable code. */
    JsonReport error(IsnException e, int exitCode) {
        doc.put("ok", false);
        ObjectNode error = doc.putObject("error");
        error.put("code", e.code());
        error.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        error.put("exit_code", exitCode);
        error.put("message", e.getMessage());
        if (e instanceof JsonDetails details) {
            error.set("details", details.jsonDetails(mapper()));
        } else if (e instanceof dev.kimigayo.isn.core.solver.UnsatisfiableException u) {
            // The solver's explanation as data: cause, the name, the world entries and chains, the versions that exist.
            error.set("details", Mapper.SNAKE.valueToTree(u.explanation()));
        }
        return this;
    }

    /** Prints the document and a newline. */
    void print(PrintStream out) {
        try {
            out.println(mapper().writeValueAsString(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the JSON report", e);
        }
    }

    /** An exception that adds structured data (a solver explanation, paths) to its JSON error. */
    interface JsonDetails {
        /** The data, as a JSON tree. */
        com.fasterxml.jackson.databind.JsonNode jsonDetails(ObjectMapper mapper);
    }
}
