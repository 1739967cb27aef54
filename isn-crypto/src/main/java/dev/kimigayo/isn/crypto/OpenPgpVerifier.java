package dev.kimigayo.isn.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Legacy OpenPGP: verifies detached signatures (armored or binary) against a public keyring
 * (armored or binary) in pure Java with Bouncy Castle's lightweight bcpg API.
 */
public final class OpenPgpVerifier {

    /** Digests accepted; everything else (MD5, SHA-1, RIPEMD-160, MD2, Tiger, HAVAL) is refused. */
    private static final Set<Integer> STRONG = Set.of(HashAlgorithmTags.SHA224, HashAlgorithmTags.SHA256,
            HashAlgorithmTags.SHA384, HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA3_256,
            HashAlgorithmTags.SHA3_512);
    private static final int MAX_SIGNATURE_FILE = 64 * 1024;
    private static final int MAX_KEYRING = 16 * 1024 * 1024;

    private final PGPPublicKeyRingCollection keyring;
    private final String where;

    private OpenPgpVerifier(PGPPublicKeyRingCollection keyring, String where) {
        this.keyring = keyring;
        this.where = where;
    }

    /** Loads a public keyring file (e.g. {@code gpg --export}, with or without {@code --armor}). */
    public static OpenPgpVerifier load(Path keyringFile) throws IOException, MalformedKeyException {
        byte[] data;
        try (InputStream in = Files.newInputStream(keyringFile)) {
            data = in.readNBytes(MAX_KEYRING + 1);
        }
        if (data.length > MAX_KEYRING) {
            throw new MalformedKeyException(keyringFile.toString(), "keyring is larger than " + MAX_KEYRING + " bytes");
        }
        return of(data, keyringFile.toString());
    }

    /** A verifier for keyring bytes; {@code source} names them in errors. */
    public static OpenPgpVerifier of(byte[] keyringData, String source) throws MalformedKeyException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keyringData))) {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
            if (!rings.getKeyRings().hasNext()) {
                throw new MalformedKeyException(source, "no OpenPGP public key found");
            }
            return new OpenPgpVerifier(rings, source);
        } catch (IOException | PGPException | RuntimeException e) {
            throw new MalformedKeyException(source, "not an OpenPGP public keyring: " + e.getMessage());
        }
    }

    /** Verifies the detached signature file {@code signature} over the file {@code data}. */
    public OpenPgpVerified verify(Path data, Path signature) throws IOException, CryptoException {
        byte[] sig;
        try (InputStream in = Files.newInputStream(signature)) {
            sig = in.readNBytes(MAX_SIGNATURE_FILE + 1);
        }
        try (InputStream in = Files.newInputStream(data)) {
            return verify(in, sig, signature.toString());
        }
    }

    /**
     * Verifies a detached signature over the data read from {@code data} (streamed, not closed).
     * Succeeds if one signature in the file is by a key of the keyring, uses a strong digest and
     * matches; otherwise throws the failure of the first signature.
     */
    public OpenPgpVerified verify(InputStream data, byte[] signatureFile, String sigSource)
            throws IOException, CryptoException {
        List<PGPSignature> sigs = OpenPgpSignatures.parse(signatureFile, sigSource, MAX_SIGNATURE_FILE);
        List<Candidate> candidates = new ArrayList<>();
        CryptoException first = null;
        for (PGPSignature s : sigs) {
            try {
                candidates.add(prepare(s));
            } catch (CryptoException e) {
                first = first == null ? e : first;
            }
        }
        if (candidates.isEmpty()) {
            throw first;
        }
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = data.read(buffer)) != -1; ) {
            for (Candidate c : candidates) {
                c.signature.update(buffer, 0, n);
            }
        }
        for (Candidate c : candidates) {
            try {
                if (c.signature.verify()) {
                    return c.result();
                }
            } catch (PGPException e) {
                // A signature that cannot even be checked counts as bad, like one that fails.
            }
            first = first == null ? new BadSignatureException(c.keyId, "the OpenPGP signature does not match the data") : first;
        }
        throw first;
    }

    private Candidate prepare(PGPSignature s) throws CryptoException {
        KeyId id = KeyId.ofLong(s.getKeyID());
        PGPPublicKey key = keyring.getPublicKey(s.getKeyID());
        PGPPublicKeyRing ring = keyring.getPublicKeyRing(s.getKeyID());
        if (key == null || ring == null) {
            throw new UnknownKeyException(id, where);
        }
        if (!STRONG.contains(s.getHashAlgorithm())) {
            throw new WeakDigestException(id, OpenPgpSignatures.digestName(s.getHashAlgorithm()));
        }
        if (key.hasRevocation() || ring.getPublicKey().hasRevocation()) {
            throw new RevokedKeyException(id, where);
        }
        try {
            s.init(new BcPGPContentVerifierBuilderProvider(), key);
        } catch (PGPException e) {
            throw new BadSignatureException(id, "cannot check the OpenPGP signature: " + e.getMessage());
        }
        Iterator<String> uids = ring.getPublicKey().getUserIDs();
        return new Candidate(s, id, key, uids.hasNext() ? uids.next() : "");
    }

    private record Candidate(PGPSignature signature, KeyId keyId, PGPPublicKey key, String userId) {
        OpenPgpVerified result() {
            return new OpenPgpVerified(keyId, Sha256.hex(key.getFingerprint()), userId,
                    OpenPgpSignatures.digestName(signature.getHashAlgorithm()), signature.getCreationTime().toInstant());
        }
    }
}
