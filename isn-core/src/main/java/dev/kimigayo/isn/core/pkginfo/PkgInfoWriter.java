package dev.kimigayo.isn.core.pkginfo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes the canonical PKGINFO text: fixed key order, one value per line, LF, UTF-8. */
public final class PkgInfoWriter {

    private PkgInfoWriter() {
    }

    /** The canonical bytes of {@code info}; equal records give identical bytes. */
    public static byte[] write(PkgInfo info) {
        StringBuilder s = new StringBuilder(256);
        line(s, PkgInfoKey.NAME, info.name());
        line(s, PkgInfoKey.VERSION, info.version());
        line(s, PkgInfoKey.ARCHITECTURE, info.architecture());
        line(s, PkgInfoKey.DESCRIPTION, info.description());
        line(s, PkgInfoKey.URL, info.url());
        line(s, PkgInfoKey.LICENSE, info.license());
        line(s, PkgInfoKey.ORIGIN, info.origin());
        line(s, PkgInfoKey.MAINTAINER, info.maintainer());
        line(s, PkgInfoKey.BUILD_DATE, Long.toString(info.buildDate()));
        line(s, PkgInfoKey.SIZE, Long.toString(info.size()));
        line(s, PkgInfoKey.SHA256, info.sha256());
        if (info.providerPriority() != 0) {
            line(s, PkgInfoKey.PROVIDER_PRIORITY, Integer.toString(info.providerPriority()));
        }
        lines(s, PkgInfoKey.DEPENDS.text, info.depends());
        lines(s, PkgInfoKey.PROVIDES.text, info.provides());
        lines(s, PkgInfoKey.INSTALL_IF.text, info.installIf());
        lines(s, PkgInfoKey.REPLACES.text, info.replaces());
        lines(s, PkgInfoKey.CONFIG.text, info.config());
        lines(s, PkgInfoKey.SETUID.text, info.setuid());
        for (Map.Entry<String, List<String>> e : info.unknown().entrySet()) {
            lines(s, e.getKey(), e.getValue());
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder s, PkgInfoKey key, String value) {
        if (value != null) {
            s.append(key.text).append(" = ").append(value).append('\n');
        }
    }

    private static void lines(StringBuilder s, String key, List<?> values) {
        for (Object v : values) {
            s.append(key).append(" = ").append(v).append('\n');
        }
    }
}
