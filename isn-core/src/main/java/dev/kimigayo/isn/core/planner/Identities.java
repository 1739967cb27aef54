package dev.kimigayo.isn.core.planner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.plan.LocalPackage;
import dev.kimigayo.isn.core.plan.PackageId;
import dev.kimigayo.isn.core.plan.PackageOrigin;
import dev.kimigayo.isn.core.plan.PackageSource;
import dev.kimigayo.isn.core.repo.IndexEntry;
import dev.kimigayo.isn.core.session.FilesystemException;
import dev.kimigayo.isn.core.solver.SolverPackage;

/** Names the exact package behind each solver package: the index entry and its repository, a local file, or the database. */
final class Identities {

    private final Map<IndexEntry, LoadedRepository> origin = new IdentityHashMap<>();

    Identities(List<LoadedRepository> repos) {
        for (LoadedRepository r : repos) {
            for (IndexEntry e : r.index().packages()) {
                origin.putIfAbsent(e, r);
            }
        }
    }

    /** The identity of {@code p}, or null for null. */
    PackageId of(SolverPackage p) throws IsnException {
        if (p == null) {
            return null;
        }
        String arch = p.arch() == null ? "noarch" : p.arch();
        PackageOrigin from = PackageOrigin.of(p.ref());
        LoadedRepository r = from instanceof PackageOrigin.Indexed i ? origin.get(i.entry()) : null;
        if (r != null && from instanceof PackageOrigin.Indexed i) {
            IndexEntry e = i.entry();
            return new PackageId(p.name(), p.version(), arch, e.fileSize(), e.fileSha256(),
                    new PackageSource.Indexed(r.url(), r.index().serial(), e.file()));
        }
        if (from instanceof PackageOrigin.Local l) {
            LocalPackage local = l.pkg();
            return new PackageId(p.name(), p.version(), arch, size(local), sha256(local),
                    new PackageSource.LocalFile(local.file()));
        }
        if (from instanceof PackageOrigin.Installed) {
            return new PackageId(p.name(), p.version(), arch, -1, null, new PackageSource.Installed());
        }
        return new PackageId(p.name(), p.version(), arch, -1, null, new PackageSource.Virtual());
    }

    private static long size(LocalPackage local) throws IsnException {
        try {
            return Files.size(local.file());
        } catch (IOException e) {
            throw new FilesystemException("cannot read package " + local.file(), e);
        }
    }

    private static String sha256(LocalPackage local) throws IsnException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(local.file()), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new FilesystemException("cannot read package " + local.file(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
