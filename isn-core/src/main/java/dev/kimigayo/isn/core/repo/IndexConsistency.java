package dev.kimigayo.isn.core.repo;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.kimigayo.isn.core.pkginfo.PkgInfo;

/**
 * Compares an index entry's metadata with the signed PKGINFO of the package file it names. The
 * index carries the whole PKGINFO, and {@code isn index} copies it verbatim, so an honest
 * repository always agrees on every key; any difference means the index and the packages were
 * produced separately (or one was tampered with under a trusted key). The solver's keys come
 * first so the message names the difference that matters most.
 */
public final class IndexConsistency {

    private record Field(String key, Function<PkgInfo, Object> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("name", PkgInfo::name),
            new Field("version", PkgInfo::version),
            new Field("architecture", PkgInfo::architecture),
            new Field("depends", PkgInfo::depends),
            new Field("provides", PkgInfo::provides),
            new Field("install_if", PkgInfo::installIf),
            new Field("replaces", PkgInfo::replaces),
            new Field("provider_priority", PkgInfo::providerPriority),
            new Field("origin", PkgInfo::origin),
            new Field("size", PkgInfo::size),
            new Field("sha256", PkgInfo::sha256),
            new Field("config", PkgInfo::config),
            new Field("setuid", PkgInfo::setuid),
            new Field("description", PkgInfo::description),
            new Field("url", PkgInfo::url),
            new Field("license", PkgInfo::license),
            new Field("maintainer", PkgInfo::maintainer),
            new Field("build_date", PkgInfo::buildDate),
            new Field("unknown keys", PkgInfo::unknown));

    private IndexConsistency() {
    }

    /**
     * Refuses {@code signed} (the package's PKGINFO) unless it equals {@code indexed} (what the
     * index of {@code repository} lists for {@code file}) on every key.
     */
    public static void check(PkgInfo indexed, PkgInfo signed, String file, String repository)
            throws IndexPackageMismatchException {
        if (indexed.equals(signed)) {
            return;
        }
        for (Field f : FIELDS) {
            Object a = f.value().apply(indexed);
            Object b = f.value().apply(signed);
            if (!Objects.equals(a, b)) {
                throw new IndexPackageMismatchException(f.key(), text(a), text(b), file, repository);
            }
        }
        throw new IndexPackageMismatchException("PKGINFO", "one value", "another", file, repository);
    }

    private static String text(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "(none)" : "[" + String.join(", ", list.stream().map(String::valueOf).toList()) + "]";
        }
        return value.toString();
    }
}
