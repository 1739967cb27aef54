package dev.kimigayo.isn.e2e.query;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;

/**
 * The official schemas as the libraries that ship them apply them: CycloneDX 1.6 through
 * cyclonedx-core-java's validator, SPDX 2.3 through the schema in SPDX's tools-java jar. Each
 * method returns the problems found, empty for a valid document.
 */
final class SbomSchemas {

    private SbomSchemas() {
    }

    static List<String> cyclonedx(byte[] bom) throws IOException {
        List<String> problems = new ArrayList<>();
        for (ParseException e : new JsonParser().validate(bom, Version.VERSION_16)) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    static List<String> spdx(byte[] doc) throws IOException {
        JsonSchema schema;
        try (InputStream in = SbomSchemas.class.getClassLoader().getResourceAsStream("resources/spdx-schema-v2.3.json")) {
            if (in == null) {
                throw new IllegalStateException("the SPDX 2.3 schema is missing from the test classpath (org.spdx:tools-java)");
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in);
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(new ObjectMapper().readTree(doc))) {
            problems.add(m.getMessage());
        }
        return problems;
    }
}
