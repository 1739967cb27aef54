package dev.kimigayo.isn.core.sbom;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.session.EngineSettings;

/**
 * {@code isn sbom}: a software bill of materials of an installed root, as CycloneDX 1.6 or SPDX 2.3
 * JSON (docs/user-guide.md, "SBOM"). Reads the root without the lock and never writes to it; the
 * same root and request give the same bytes.
 */
public final class Sbom {

    private Sbom() {
    }

    /** The SBOM of the root of {@code settings}. */
    public static byte[] of(EngineSettings settings, SbomRequest request) throws IsnException {
        return write(InstalledSet.read(settings), request);
    }

    /** The SBOM of {@code set}: pure, for tests and library callers that assemble the set themselves. */
    public static byte[] write(InstalledSet set, SbomRequest request) {
        return switch (request.format()) {
            case CYCLONEDX -> CycloneDx.write(set, request);
            case SPDX -> Spdx.write(set, request);
        };
    }
}
