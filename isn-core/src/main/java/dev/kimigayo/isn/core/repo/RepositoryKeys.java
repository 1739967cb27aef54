package dev.kimigayo.isn.core.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.kimigayo.isn.crypto.Ed25519SecretKey;
import dev.kimigayo.isn.crypto.KeyFiles;
import dev.kimigayo.isn.crypto.MalformedKeyException;
import dev.kimigayo.isn.crypto.TrustedKeys;

/** Loads the keys the repository commands work with, turning key-file problems into clear errors. */
public final class RepositoryKeys {

    private RepositoryKeys() {
    }

    /** Reads the secret key that signs an index ({@code isn index --key}). */
    public static Ed25519SecretKey secret(Path file) throws KeyFileException {
        try {
            return KeyFiles.readSecret(file);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(file, "no such secret key file; create one with 'isn keygen NAME'");
        } catch (MalformedKeyException e) {
            throw new KeyFileException(file, "not an isn secret key (" + e.problem() + ")");
        } catch (IOException e) {
            throw new KeyFileException(file, "cannot read the secret key: " + dev.kimigayo.isn.core.IoMessages.describe(e));
        }
    }

    /**
     * Loads the trusted public keys ({@code *.pub}) of {@code dir}; refuses a missing or empty
     * folder, and keys other users could write ({@link KeyPermissions}).
     */
    public static TrustedKeys trusted(Path dir) throws IndexException {
        if (!Files.isDirectory(dir)) {
            throw new KeyFileException(dir, "no trusted keys folder; give the folder holding the"
                    + " repository's public keys (*.pub) with --keys-dir");
        }
        KeyPermissions.check(dir);
        try {
            TrustedKeys keys = TrustedKeys.load(dir);
            if (keys.isEmpty()) {
                throw new KeyFileException(dir, "no trusted public keys (*.pub) in the folder; copy the"
                        + " repository's .pub file there");
            }
            return keys;
        } catch (MalformedKeyException e) {
            throw new KeyFileException(dir, "unreadable trusted key " + e.source() + " (" + e.problem() + ")");
        } catch (IOException e) {
            throw new KeyFileException(dir, "cannot read the trusted keys: " + dev.kimigayo.isn.core.IoMessages.describe(e));
        }
    }

    /**
     * The legacy OpenPGP public keys of {@code dir}: every {@code *.asc} (armored) and
     * {@code *.gpg} (binary) keyring, e.g. from {@code gpg --export [--armor] KEY}. An absent
     * folder holds none.
     */
    public static java.util.List<dev.kimigayo.isn.crypto.OpenPgpVerifier> openPgp(Path dir) throws KeyFileException {
        java.util.List<dev.kimigayo.isn.crypto.OpenPgpVerifier> all = new java.util.ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (var files = Files.newDirectoryStream(dir, "*.{asc,gpg}")) {
            for (Path f : files) {
                all.add(dev.kimigayo.isn.crypto.OpenPgpVerifier.load(f));
            }
        } catch (MalformedKeyException e) {
            throw new KeyFileException(dir, "unreadable OpenPGP key " + e.source() + " (" + e.problem() + ")");
        } catch (IOException e) {
            throw new KeyFileException(dir, "cannot read the OpenPGP keys: " + e.getMessage());
        }
        return all;
    }
}
