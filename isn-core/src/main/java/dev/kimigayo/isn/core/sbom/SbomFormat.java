package dev.kimigayo.isn.core.sbom;

import java.util.Locale;

/** The SBOM formats isn writes: CycloneDX 1.6 JSON and SPDX 2.3 JSON (docs/user-guide.md, "SBOM"). */
public enum SbomFormat {
    /** CycloneDX 1.6, JSON encoding. */
    CYCLONEDX,
    /** SPDX 2.3, JSON encoding. */
    SPDX;

    /** The name on the command line: {@code cyclonedx} or {@code spdx}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
