package dev.kimigayo.isn.core.engine;

import java.util.Optional;

import dev.kimigayo.isn.core.archive.KeyringTrust;
import dev.kimigayo.isn.core.archive.PackageRejectedException;
import dev.kimigayo.isn.core.archive.PackageTrust;
import dev.kimigayo.isn.crypto.TrustedKeys;

/**
 * The archive's keyring trust, made loud: with {@code --allow-untrusted} every package accepted
 * without a trusted signature is reported as a warning (a bad signature by a known key is still
 * refused: that package was tampered with).
 */
final class SignatureTrust implements PackageTrust {

    private final PackageTrust delegate;
    private final EngineListener listener;

    SignatureTrust(TrustedKeys keys, boolean allowUntrusted, EngineListener listener) {
        this.delegate = allowUntrusted ? KeyringTrust.allowUntrusted(keys) : KeyringTrust.requireSigned(keys);
        this.listener = listener;
    }

    @Override
    public Optional<String> check(byte[] pkginfo, byte[] signature, String source) throws PackageRejectedException {
        Optional<String> signer = delegate.check(pkginfo, signature, source);
        if (signer.isEmpty()) {
            listener.on(new EngineEvent.Warning("USING UNTRUSTED PACKAGE " + source
                    + " (--allow-untrusted): no trusted signature"));
        }
        return signer;
    }
}
