package dev.kimigayo.isn.core.repos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.archive.KeyringTrust;
import dev.kimigayo.isn.core.archive.PackageTrust;
import dev.kimigayo.isn.core.repo.CachedIndexReader;
import dev.kimigayo.isn.core.repo.IndexCacheSecret;
import dev.kimigayo.isn.core.repo.IndexExpiredException;
import dev.kimigayo.isn.core.repo.IndexJsonParser;
import dev.kimigayo.isn.core.repo.IndexReader;
import dev.kimigayo.isn.core.repo.IndexRollbackException;
import dev.kimigayo.isn.core.repo.IndexSignatureException;
import dev.kimigayo.isn.core.repo.KeyFileException;
import dev.kimigayo.isn.core.repo.RepoIndex;
import dev.kimigayo.isn.core.repo.RepositoryIoException;
import dev.kimigayo.isn.core.session.EngineEvent;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.FilesystemException;
import dev.kimigayo.isn.crypto.MalformedKeyException;
import dev.kimigayo.isn.crypto.TrustedKeys;

/**
 * Reads indexes the way the engine trusts them: a valid signature by a trusted key, not expired,
 * not older than the last accepted serial. With {@code --allow-untrusted} a bad or missing
 * signature becomes a loud warning; expiry and rollback are still refused. Packages are trusted
 * through the same keys ({@link #packageTrust}).
 */
public final class IndexTrust {

    private static final long MAX_INDEX = dev.kimigayo.isn.core.repo.IndexJsonParser.MAX_SIZE;

    private final EngineSettings settings;
    private final TrustedKeys keys;
    private final java.util.List<dev.kimigayo.isn.crypto.OpenPgpVerifier> openPgp;

    private IndexTrust(EngineSettings settings, TrustedKeys keys,
            java.util.List<dev.kimigayo.isn.crypto.OpenPgpVerifier> openPgp) {
        this.settings = settings;
        this.keys = keys;
        this.openPgp = openPgp;
    }

    /**
     * Loads the trusted keys of the settings' keys folder (an absent folder trusts nothing):
     * isn's Ed25519 {@code *.pub}, and legacy OpenPGP {@code *.asc}/{@code *.gpg} for indexes
     * signed with {@code gpg --detach-sign}.
     */
    static IndexTrust load(EngineSettings settings) throws IsnException {
        return new IndexTrust(settings, trustedKeys(settings),
                dev.kimigayo.isn.core.repo.RepositoryKeys.openPgp(settings.keysDir()));
    }

    /** The trusted keys of {@code settings}; an absent folder holds none. */
    static TrustedKeys trustedKeys(EngineSettings settings) throws IsnException {
        Path dir = settings.keysDir();
        if (Files.isDirectory(dir)) {
            dev.kimigayo.isn.core.repo.KeyPermissions.check(dir);
        }
        try {
            // Say so when the folder is missing: a typo'd --keys-dir or a root made without keys looks the same otherwise.
            return Files.isDirectory(dir) ? TrustedKeys.load(dir)
                    : TrustedKeys.of(java.util.List.of(), dir + " (which does not exist)");
        } catch (MalformedKeyException e) {
            throw new KeyFileException(dir, e.getMessage());
        } catch (IOException e) {
            throw new FilesystemException("cannot read the trusted keys in " + dir, e);
        }
    }

    /**
     * The engine's trust in package signatures: the keys of {@code settings}; with
     * {@code --allow-untrusted} every package accepted without a trusted signature is a warning
     * (a bad signature by a known key is still refused: that package was tampered with).
     */
    public static PackageTrust packageTrust(EngineSettings settings) throws IsnException {
        TrustedKeys keys = trustedKeys(settings);
        if (!settings.allowUntrusted()) {
            return KeyringTrust.requireSigned(keys);
        }
        // A package is read at planning, after download and at unpacking: warn about it once.
        java.util.Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();
        return KeyringTrust.allowUntrusted(keys, source -> {
            if (warned.add(packageName(source))) {
                settings.listener().on(new EngineEvent.Warning("USING UNTRUSTED PACKAGE " + source
                        + " (--allow-untrusted): no trusted signature"));
            }
        });
    }

    /** The file name a package source ends with (a path or URL), so one package read from several places counts once. */
    private static String packageName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf(java.io.File.separatorChar));
        return source.substring(slash + 1);
    }

    /** Reads and checks the index at {@code json} (signature beside it), naming it {@code url} in errors. */
    RepoIndex read(String url, Path json, OptionalLong lastSerial) throws IsnException {
        return read(url, json, lastSerial, null, false);
    }

    /**
     * Reads and checks the index at {@code json} (signature beside it), naming it {@code url} in
     * errors, through its derived cache {@code cache} (see {@link CachedIndexReader}), which is
     * (re-)written only when {@code writeCache}.
     */
    RepoIndex read(String url, Path json, OptionalLong lastSerial, Path cache, boolean writeCache) throws IsnException {
        checkSize(url, json);
        byte[] sig;
        try {
            sig = Files.readAllBytes(IndexReader.signatureOf(json));
        } catch (NoSuchFileException e) {
            sig = null;
        } catch (IOException e) {
            throw new FilesystemException("cannot read the index signature of " + url, e);
        }
        try {
            if (sig == null) {
                throw new IndexSignatureException(IndexSignatureException.Reason.MISSING, url,
                        "no signature file beside the index", null);
            }
            IndexReader reader = new IndexReader(keys, openPgp, settings.clock());
            return new CachedIndexReader(reader, settings.keysDir(), settings.layout().resolve(IndexCacheSecret.FILE))
                    .read(url, json, sig, cache, writeCache, lastSerial);
        } catch (IndexSignatureException e) {
            if (!settings.allowUntrusted()) {
                throw e;
            }
            settings.listener().on(new EngineEvent.Warning("USING AN UNTRUSTED INDEX (--allow-untrusted): " + e.getMessage()));
            RepoIndex index = IndexJsonParser.parse(bytes(url, json), url);
            if (!settings.clock().instant().isBefore(index.expires())) {
                throw new IndexExpiredException(url, index.expires(), settings.clock().instant());
            }
            if (lastSerial.isPresent() && index.serial() < lastSerial.getAsLong()) {
                throw new IndexRollbackException(url, index.serial(), lastSerial.getAsLong());
            }
            return index;
        }
    }

    private static void checkSize(String url, Path json) throws IsnException {
        try {
            if (Files.size(json) > MAX_INDEX) {
                throw new dev.kimigayo.isn.core.repo.MalformedIndexException("index-too-large", url,
                        "file is larger than the limit of " + MAX_INDEX + " bytes");
            }
        } catch (NoSuchFileException e) {
            throw new RepositoryIoException("no index at " + json + " for repository " + url
                    + "; check etc/isn/repositories (or run 'isn update' for a remote one)", e);
        } catch (IOException e) {
            throw new FilesystemException("cannot read the index of " + url, e);
        }
    }

    private static byte[] bytes(String url, Path json) throws IsnException {
        try {
            if (Files.size(json) > MAX_INDEX) {
                throw new dev.kimigayo.isn.core.repo.MalformedIndexException("index-too-large", url,
                        "file is larger than the limit of " + MAX_INDEX + " bytes");
            }
            return Files.readAllBytes(json);
        } catch (NoSuchFileException e) {
            throw new RepositoryIoException("no index at " + json + " for repository " + url
                    + "; check etc/isn/repositories (or run 'isn update' for a remote one)", e);
        } catch (IOException e) {
            throw new FilesystemException("cannot read the index of " + url, e);
        }
    }

    /** A short, file-name-safe key for a repository URL (its cache folder name). */
    static String key(String url) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
