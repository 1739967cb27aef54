package dev.kimigayo.isn.core.sbom;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What to write: the format, the creation time the document states (the caller passes
 * {@code SOURCE_DATE_EPOCH} when set, so the same root gives the same bytes) and the version of
 * isn named as the tool that made it.
 *
 * @param format      the output format
 * @param created     the document's timestamp; truncated to whole seconds (SPDX allows no more)
 * @param toolVersion isn's version, e.g. {@code 0.1.0}
 */
public record SbomRequest(SbomFormat format, Instant created, String toolVersion) {

    /** Checks the fields and drops the fraction of a second. */
    public SbomRequest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(toolVersion, "toolVersion");
        created = created.truncatedTo(ChronoUnit.SECONDS);
    }
}
