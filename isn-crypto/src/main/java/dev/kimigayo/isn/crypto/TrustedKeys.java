package dev.kimigayo.isn.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The set of public keys a user trusts (e.g. {@code etc/isn/keys/*.pub}), checking signatures against them. */
public final class TrustedKeys {

    private final Map<KeyId, Ed25519PublicKey> keys;
    private final String where;

    private TrustedKeys(Map<KeyId, Ed25519PublicKey> keys, String where) {
        this.keys = Collections.unmodifiableMap(keys);
        this.where = where;
    }

    /**
     * Loads every {@code *.pub} regular file in {@code dir} (sorted by name; other files are
     * ignored). An empty directory gives an empty set. Two different keys with one id are refused.
     */
    public static TrustedKeys load(Path dir) throws IOException, MalformedKeyException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.pub")) {
            for (Path p : ds) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        Collections.sort(files);
        Map<KeyId, Ed25519PublicKey> keys = new LinkedHashMap<>();
        Map<KeyId, Path> origin = new LinkedHashMap<>();
        for (Path p : files) {
            Ed25519PublicKey key = KeyFiles.readPublic(p);
            Ed25519PublicKey old = keys.putIfAbsent(key.keyId(), key);
            if (old != null && !old.equals(key)) {
                throw new MalformedKeyException(p.toString(), "key id " + key.keyId().hex()
                        + " is also used by a different key in " + origin.get(key.keyId()));
            }
            origin.putIfAbsent(key.keyId(), p);
        }
        return new TrustedKeys(keys, dir.toString());
    }

    /** A set of the given keys, for callers that hold keys in memory; {@code where} names it in errors. */
    public static TrustedKeys of(Collection<Ed25519PublicKey> keys, String where) {
        Map<KeyId, Ed25519PublicKey> map = new LinkedHashMap<>();
        for (Ed25519PublicKey k : keys) {
            Ed25519PublicKey old = map.putIfAbsent(k.keyId(), k);
            if (old != null && !old.equals(k)) {
                throw new IllegalArgumentException("two different keys with id " + k.keyId().hex());
            }
        }
        return new TrustedKeys(map, where);
    }

    /** Where the keys come from (a folder), as named in errors. */
    public String where() {
        return where;
    }

    /** True when no key is trusted: every signature check will then fail with UnknownKeyException. */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The ids of the trusted keys. */
    public Set<KeyId> ids() {
        return keys.keySet();
    }

    /** The trusted key with id {@code id}, if any. */
    public Optional<Ed25519PublicKey> find(KeyId id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** Checks {@code sig} over {@code message} and returns the trusted key that made it. */
    public Ed25519PublicKey verify(byte[] message, Ed25519Signature sig)
            throws UnknownKeyException, BadSignatureException {
        Ed25519PublicKey key = require(sig);
        key.verify(message, sig);
        return key;
    }

    /** Like {@link #verify(byte[], Ed25519Signature)}, reading the message from a stream (not closed). */
    public Ed25519PublicKey verify(InputStream message, Ed25519Signature sig)
            throws UnknownKeyException, BadSignatureException, IOException {
        Ed25519PublicKey key = require(sig);
        key.verify(message, sig);
        return key;
    }

    private Ed25519PublicKey require(Ed25519Signature sig) throws UnknownKeyException {
        Ed25519PublicKey key = keys.get(sig.keyId());
        if (key == null) {
            throw new UnknownKeyException(sig.keyId(), where, keys.isEmpty());
        }
        return key;
    }
}
