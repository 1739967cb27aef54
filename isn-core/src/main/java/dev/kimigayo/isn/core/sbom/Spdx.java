package dev.kimigayo.isn.core.sbom;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes an {@link InstalledSet} as an SPDX 2.3 JSON document: one package per installed package
 * (not file-analysed; the package file's SHA-256 as its checksum; its purl as a package-manager
 * reference), the document {@code DESCRIBES} each, and a {@code DEPENDS_ON} relationship per edge.
 * SPDX has no field for architecture, origin or repository: they go in the package comment and
 * {@code sourceInfo}, and the architecture in the purl.
 */
final class Spdx {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private Spdx() {
    }

    static byte[] write(InstalledSet set, SbomRequest request) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("spdxVersion", "SPDX-2.3");
        doc.put("dataLicense", "CC0-1.0");
        doc.put("SPDXID", "SPDXRef-DOCUMENT");
        doc.put("name", "isn installed packages");
        doc.put("documentNamespace", "");
        ObjectNode info = doc.putObject("creationInfo");
        info.put("created", CREATED.format(request.created()));
        info.putArray("creators").add("Tool: isn-" + request.toolVersion());
        Map<String, String> ids = ids(set.packages());
        ArrayNode packages = doc.putArray("packages");
        for (SbomPackage p : set.packages()) {
            pkg(packages.addObject(), p, ids.get(p.name()));
        }
        ArrayNode relationships = doc.putArray("relationships");
        for (SbomPackage p : set.packages()) {
            relationship(relationships, "SPDXRef-DOCUMENT", "DESCRIBES", ids.get(p.name()));
        }
        Map<String, List<String>> needs = set.dependencies();
        for (SbomPackage p : set.packages()) {
            needs.get(p.name()).forEach(to -> relationship(relationships, ids.get(p.name()), "DEPENDS_ON", ids.get(to)));
        }
        // A URI unique to this content; urn:uuid claims no web domain that isn does not own.
        doc.put("documentNamespace", "urn:uuid:" + Documents.contentId(doc));
        return Documents.render(doc);
    }

    private static void pkg(ObjectNode o, SbomPackage p, String id) {
        o.put("SPDXID", id);
        o.put("name", p.name());
        o.put("versionInfo", p.version());
        o.put("downloadLocation", "NOASSERTION");
        o.put("filesAnalyzed", false);
        if (p.fileSha256() != null) {
            o.putArray("checksums").addObject().put("algorithm", "SHA256").put("checksumValue", p.fileSha256());
        }
        if (CycloneDx.isWebUrl(p.url())) {
            o.put("homepage", p.url());
        }
        boolean expression = LicenseExpression.isValid(p.license());
        o.put("licenseConcluded", "NOASSERTION");
        o.put("licenseDeclared", expression ? p.license().trim() : "NOASSERTION");
        if (!expression && p.license() != null && !p.license().isBlank()) {
            o.put("licenseComments", "PKGINFO license, not an SPDX expression: " + p.license());
        }
        o.put("copyrightText", "NOASSERTION");
        if (p.description() != null) {
            o.put("summary", p.description());
        }
        StringBuilder source = new StringBuilder();
        if (p.origin() != null) {
            source.append("built from origin ").append(p.origin());
        }
        if (p.repository() != null) {
            source.append(source.isEmpty() ? "" : "; ").append("installed from ").append(p.repository());
        }
        if (!source.isEmpty()) {
            o.put("sourceInfo", source.toString());
        }
        o.put("comment", "architecture " + p.arch() + "; installed " + (p.explicit() ? "explicitly" : "as a dependency"));
        o.putArray("externalRefs").addObject().put("referenceCategory", "PACKAGE-MANAGER")
                .put("referenceType", "purl").put("referenceLocator", Purl.of(p));
    }

    private static void relationship(ArrayNode array, String from, String type, String to) {
        array.addObject().put("spdxElementId", from).put("relationshipType", type).put("relatedSpdxElement", to);
    }

    /**
     * {@code SPDXRef-Package-NAME}, characters outside {@code [A-Za-z0-9.-]} (allowed in package
     * names, not in SPDX identifiers) written as {@code -XX} hex; a clash gets a numeric suffix.
     */
    static Map<String, String> ids(List<SbomPackage> packages) {
        Map<String, String> ids = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (SbomPackage p : packages) {
            StringBuilder b = new StringBuilder("SPDXRef-Package-");
            for (char c : p.name().toCharArray()) {
                if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-')) {
                    b.append(c);
                } else {
                    b.append(String.format("-%02X", (int) c));
                }
            }
            String id = b.toString();
            for (int n = 2; !used.add(id); n++) {
                id = b + "-" + n;
            }
            ids.put(p.name(), id);
        }
        return ids;
    }
}
