package dev.kimigayo.isn.core.sbom;

import java.nio.charset.StandardCharsets;

/**
 * The package URL (purl) of an installed package: {@code pkg:isn/kimigayo/NAME@VERSION?arch=ARCH}.
 * There is no registered purl type for isn; like apk's {@code pkg:apk/alpine/…} the type names the
 * package format and the namespace the distribution, so scanners do not confuse Kimigayo's
 * packages with Alpine's of the same name.
 */
final class Purl {

    static final String TYPE = "isn";
    static final String NAMESPACE = "kimigayo";

    private Purl() {
    }

    /** The purl of {@code p}. */
    static String of(SbomPackage p) {
        return "pkg:" + TYPE + "/" + NAMESPACE + "/" + encode(p.name()) + "@" + encode(p.version())
                + "?arch=" + encode(p.arch());
    }

    /** Percent-encodes every byte outside the purl spec's unreserved set ({@code A-Z a-z 0-9 . - _ ~}). */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                    || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
