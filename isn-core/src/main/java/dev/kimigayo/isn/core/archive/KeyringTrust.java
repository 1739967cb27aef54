package dev.kimigayo.isn.core.archive;

import java.util.Optional;
import java.util.function.Consumer;

import dev.kimigayo.isn.crypto.BadSignatureException;
import dev.kimigayo.isn.crypto.Ed25519Signature;
import dev.kimigayo.isn.crypto.MalformedSignatureException;
import dev.kimigayo.isn.crypto.TrustedKeys;
import dev.kimigayo.isn.crypto.UnknownKeyException;

/**
 * Trust in PKGINFO through Ed25519 signatures by a set of trusted keys. In the default mode a
 * package must be signed by one of them. With {@code allowUntrusted}, unsigned packages and
 * unknown keys are accepted (the payload is still checked against the manifest), but a bad
 * signature by a trusted key is still refused: that is tampering, not a missing key; each package
 * accepted without a trusted signature can be reported to an observer.
 */
public final class KeyringTrust implements PackageTrust {

    private final TrustedKeys keys;
    private final boolean allowUntrusted;
    private final Consumer<String> onUntrusted;

    private KeyringTrust(TrustedKeys keys, boolean allowUntrusted, Consumer<String> onUntrusted) {
        this.keys = keys;
        this.allowUntrusted = allowUntrusted;
        this.onUntrusted = onUntrusted;
    }

    /** Requires a valid signature by one of {@code keys}. */
    public static KeyringTrust requireSigned(TrustedKeys keys) {
        return new KeyringTrust(keys, false, source -> { });
    }

    /** Accepts unsigned packages and unknown keys; still refuses a bad signature by one of {@code keys}. */
    public static KeyringTrust allowUntrusted(TrustedKeys keys) {
        return allowUntrusted(keys, source -> { });
    }

    /**
     * Like {@link #allowUntrusted(TrustedKeys)}, and passes the source of every package accepted
     * without a trusted signature to {@code onUntrusted} (the engine's loud warning).
     */
    public static KeyringTrust allowUntrusted(TrustedKeys keys, Consumer<String> onUntrusted) {
        return new KeyringTrust(keys, true, onUntrusted);
    }

    @Override
    public Optional<String> check(byte[] pkginfo, byte[] signature, String source) throws PackageRejectedException {
        if (signature == null) {
            if (allowUntrusted) {
                return untrusted(source);
            }
            throw new UnsignedPackageException(source, null,
                    "the package is not signed; sign it with 'isn pack --key', or install it with --allow-untrusted");
        }
        Ed25519Signature sig;
        try {
            sig = Ed25519Signature.decode(signature, source + ":" + PackageLayout.SIGNATURE);
        } catch (MalformedSignatureException e) {
            if (allowUntrusted) {
                return untrusted(source);
            }
            throw new PackageSignatureException(source, PackageSignatureException.Reason.MALFORMED_SIGNATURE, null,
                    "unreadable signature: " + e.getMessage(), e);
        }
        String keyId = sig.keyId().hex();
        try {
            keys.verify(pkginfo, sig);
            return Optional.of(keyId);
        } catch (UnknownKeyException e) {
            if (allowUntrusted) {
                return untrusted(source);
            }
            throw new PackageSignatureException(source, PackageSignatureException.Reason.UNKNOWN_KEY, keyId,
                    e.getMessage() + "; add the repository's public key to the trusted keys, or use --allow-untrusted", e);
        } catch (BadSignatureException e) {
            throw new PackageSignatureException(source, PackageSignatureException.Reason.BAD_SIGNATURE, keyId,
                    e.getMessage() + "; PKGINFO or its signature was altered, fetch the package again", e);
        }
    }

    private Optional<String> untrusted(String source) {
        onUntrusted.accept(source);
        return Optional.empty();
    }
}
