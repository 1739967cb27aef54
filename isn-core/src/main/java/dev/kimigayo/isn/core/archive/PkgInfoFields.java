package dev.kimigayo.isn.core.archive;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** The PKGINFO values the archive layer checks: name, version, manifest hash, size, setuid paths. */
record PkgInfoFields(String name, String version, String sha256, long size, Set<String> setuid) {

    /** Reads the fields from PKGINFO bytes. */
    static PkgInfoFields parse(byte[] bytes, String source) throws MalformedPackageException {
        String name = null;
        String version = null;
        String sha = null;
        long size = -1;
        Set<String> setuid = new LinkedHashSet<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0 || line.startsWith("#")) {
                continue;
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            switch (key) {
                case "name" -> name = value;
                case "version" -> version = value;
                case "sha256" -> sha = value;
                case "size" -> size = Long.parseLong(value);
                case "setuid" -> setuid.addAll(java.util.List.of(value.split("\\s+")));
                default -> { }
            }
        }
        if (sha == null || size < 0) {
            throw new MalformedPackageException(source, PackageLayout.PKGINFO, "lacks sha256 or size");
        }
        return new PkgInfoFields(name, version, sha, size, setuid);
    }
}
