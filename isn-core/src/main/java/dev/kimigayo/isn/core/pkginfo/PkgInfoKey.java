package dev.kimigayo.isn.core.pkginfo;

import java.util.HashMap;
import java.util.Map;

/** The keys of PKGINFO, in the canonical order the writer uses (docs/format-pkginfo.md). */
enum PkgInfoKey {
    FORMAT("format", false),
    NAME("name", false),
    VERSION("version", false),
    ARCHITECTURE("architecture", false),
    DESCRIPTION("description", false),
    URL("url", false),
    LICENSE("license", false),
    ORIGIN("origin", false),
    MAINTAINER("maintainer", false),
    BUILD_DATE("build_date", false),
    SIZE("size", false),
    SHA256("sha256", false),
    PROVIDER_PRIORITY("provider_priority", false),
    DEPENDS("depends", true),
    PROVIDES("provides", true),
    INSTALL_IF("install_if", true),
    REPLACES("replaces", true),
    CONFIG("config", true),
    SETUID("setuid", true);

    private static final Map<String, PkgInfoKey> BY_TEXT = new HashMap<>();

    static {
        for (PkgInfoKey k : values()) {
            BY_TEXT.put(k.text, k);
        }
    }

    final String text;
    /** Whether the key may repeat and holds whitespace-separated values. */
    final boolean multi;

    PkgInfoKey(String text, boolean multi) {
        this.text = text;
        this.multi = multi;
    }

    /** The key spelled {@code text}, or null when isn does not know it. */
    static PkgInfoKey of(String text) {
        return BY_TEXT.get(text);
    }
}
