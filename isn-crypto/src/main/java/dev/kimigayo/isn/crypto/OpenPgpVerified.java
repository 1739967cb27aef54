package dev.kimigayo.isn.crypto;

import java.time.Instant;

/**
 * What a successful OpenPGP check established: which key signed, when (as the signature claims)
 * and with which digest.
 *
 * @param keyId       the 8-byte OpenPGP key id of the signing (sub)key
 * @param fingerprint the signing key's fingerprint in lower-case hex
 * @param userId      the primary key's first user id, or empty if it has none
 * @param digest      the digest algorithm's name, e.g. {@code SHA256}
 * @param created     the signature's creation time
 */
public record OpenPgpVerified(KeyId keyId, String fingerprint, String userId, String digest, Instant created) {
}
