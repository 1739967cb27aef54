package dev.kimigayo.isn.core.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A fingerprint of the root state a plan was made against: the installed packages (name,
 * version, package hash, reason, repository, pin) and the world. A plan is committed only to a
 * root with the same fingerprint, so a plan shown to a person, or kept by a library caller, can
 * never be applied over a database that changed in between.
 *
 * @param sha256 hex SHA-256 over the canonical, sorted text of that state
 */
public record StateGuard(String sha256) {

    /**
     * The fingerprint of {@code packages} (one canonical line each, any order) and {@code world}
     * (any order); both are sorted first so the order the database returns them in never matters.
     */
    public static StateGuard of(List<String> packages, List<String> world) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (String p : packages.stream().sorted().toList()) {
            md.update(("P " + p + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (String w : world.stream().sorted().toList()) {
            md.update(("W " + w + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new StateGuard(HexFormat.of().formatHex(md.digest()));
    }

    // Written out, as in every record on the commands' start-up path: a record's generated
    // equals and hashCode are bound through method handles on first use, which spins classes at
    // run time that the class-data archive cannot hold (docs/benchmarks.md, start-up, "Third round").
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof StateGuard o && java.util.Objects.equals(sha256, o.sha256);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(sha256);
    }
}
