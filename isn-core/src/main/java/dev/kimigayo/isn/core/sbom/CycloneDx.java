package dev.kimigayo.isn.core.sbom;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes an {@link InstalledSet} as a CycloneDX 1.6 JSON BOM: one {@code library} component per
 * package (its purl as {@code bom-ref}), the package file's SHA-256 as its hash, architecture,
 * origin, repository and install reason as {@code isn:} properties, and one {@code dependencies}
 * entry per package listing the packages that satisfy its dependencies (empty when none).
 */
final class CycloneDx {

    static final String SPEC_VERSION = "1.6";

    private CycloneDx() {
    }

    static byte[] write(InstalledSet set, SbomRequest request) {
        ObjectNode bom = JsonNodeFactory.instance.objectNode();
        bom.put("bomFormat", "CycloneDX");
        bom.put("specVersion", SPEC_VERSION);
        bom.put("serialNumber", "");
        bom.put("version", 1);
        ObjectNode metadata = bom.putObject("metadata");
        metadata.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(request.created()));
        metadata.putObject("tools").putArray("components").addObject()
                .put("type", "application").put("name", "isn").put("version", request.toolVersion());
        ArrayNode components = bom.putArray("components");
        for (SbomPackage p : set.packages()) {
            component(components.addObject(), p);
        }
        Map<String, String> refs = new HashMap<>();
        set.packages().forEach(p -> refs.put(p.name(), Purl.of(p)));
        ArrayNode dependencies = bom.putArray("dependencies");
        Map<String, List<String>> needs = set.dependencies();
        for (SbomPackage p : set.packages()) {
            ArrayNode on = dependencies.addObject().put("ref", refs.get(p.name())).putArray("dependsOn");
            needs.get(p.name()).forEach(to -> on.add(refs.get(to)));
        }
        bom.put("serialNumber", "urn:uuid:" + Documents.contentId(bom));
        return Documents.render(bom);
    }

    private static void component(ObjectNode c, SbomPackage p) {
        String purl = Purl.of(p);
        c.put("type", "library");
        c.put("bom-ref", purl);
        c.put("name", p.name());
        c.put("version", p.version());
        if (p.description() != null) {
            c.put("description", p.description());
        }
        if (p.fileSha256() != null) {
            c.putArray("hashes").addObject().put("alg", "SHA-256").put("content", p.fileSha256());
        }
        if (p.license() != null && !p.license().isBlank()) {
            ArrayNode licenses = c.putArray("licenses");
            if (LicenseExpression.isValid(p.license())) {
                licenses.addObject().put("expression", p.license().trim());
            } else {
                licenses.addObject().putObject("license").put("name", p.license());
            }
        }
        c.put("purl", purl);
        if (isWebUrl(p.url())) {
            c.putArray("externalReferences").addObject().put("type", "website").put("url", p.url());
        }
        ArrayNode props = c.putArray("properties");
        property(props, "isn:arch", p.arch());
        property(props, "isn:origin", p.origin());
        property(props, "isn:repository", p.repository());
        property(props, "isn:reason", p.explicit() ? "explicit" : "dependency");
    }

    private static void property(ArrayNode props, String name, String value) {
        if (value != null) {
            props.addObject().put("name", name).put("value", value);
        }
    }

    /** An absolute http(s) URL: anything else from PKGINFO is left out rather than risk an invalid IRI. */
    static boolean isWebUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI u = new URI(url);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
