package dev.kimigayo.isn.core.sbom;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;

/**
 * The official schemas, as the libraries that ship them apply them: CycloneDX 1.6 through
 * cyclonedx-core-java's own validator, SPDX 2.3 through the schema inside SPDX's tools-java jar.
 * SPDX's JSON schema leaves some of the specification's rules unchecked (identifier syntax, the
 * date format, that relationships name existing elements); {@link #spdx} checks those too.
 * Each method returns the problems found, empty when the document is valid.
 */
public final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SPDX_ID = Pattern.compile("SPDXRef-[A-Za-z0-9.-]+");
    private static final Pattern SPDX_DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    private Schemas() {
    }

    /** Problems of {@code bom} against the CycloneDX 1.6 JSON schema. */
    public static List<String> cyclonedx(byte[] bom) throws IOException {
        List<String> problems = new ArrayList<>();
        for (ParseException e : new JsonParser().validate(bom, Version.VERSION_16)) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** Problems of {@code doc} against the SPDX 2.3 JSON schema and the rules it does not encode. */
    public static List<String> spdx(byte[] doc) throws IOException {
        JsonSchema schema;
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream("resources/spdx-schema-v2.3.json")) {
            if (in == null) {
                throw new IllegalStateException("the SPDX 2.3 schema is missing from the test classpath (org.spdx:tools-java)");
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in);
        }
        JsonNode tree = JSON.readTree(doc);
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(tree)) {
            problems.add(m.getMessage());
        }
        if (!SPDX_DATE.matcher(tree.path("creationInfo").path("created").asText()).matches()) {
            problems.add("creationInfo.created is not YYYY-MM-DDThh:mm:ssZ");
        }
        if (!tree.path("documentNamespace").asText().matches("[a-z][a-z0-9+.-]*:[^#\\s]+")) {
            problems.add("documentNamespace is not an absolute URI without '#'");
        }
        java.util.Set<String> ids = new java.util.HashSet<>(List.of("SPDXRef-DOCUMENT"));
        for (JsonNode p : tree.path("packages")) {
            String id = p.path("SPDXID").asText();
            if (!SPDX_ID.matcher(id).matches() || !ids.add(id)) {
                problems.add("bad or duplicate SPDXID " + id);
            }
        }
        for (JsonNode r : tree.path("relationships")) {
            for (String end : List.of("spdxElementId", "relatedSpdxElement")) {
                if (!ids.contains(r.path(end).asText())) {
                    problems.add("relationship names an unknown element: " + r);
                }
            }
        }
        return problems;
    }
}
