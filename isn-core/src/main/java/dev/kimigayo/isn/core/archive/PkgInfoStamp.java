package dev.kimigayo.isn.core.archive;

import java.nio.charset.StandardCharsets;

/** Reads the PKGINFO a package is built from and writes the stamped copy the package carries. */
final class PkgInfoStamp {

    private PkgInfoStamp() {
    }

    /** The declared fields of a source PKGINFO (sha256 and size are filled in by the builder). */
    static PkgInfoFields read(byte[] source, String where) throws PackSourceException {
        try {
            String text = new String(source, StandardCharsets.UTF_8) + "\nsha256 = -\nsize = 0\n";
            PkgInfoFields f = PkgInfoFields.parse(text.getBytes(StandardCharsets.UTF_8), where);
            if (f.name() == null || f.version() == null) {
                throw new PackSourceException(where, "lacks name or version");
            }
            return f;
        } catch (MalformedPackageException e) {
            throw new PackSourceException(where, e.getMessage());
        }
    }

    /** PKGINFO with {@code sha256}, {@code size} and {@code build_date} set. */
    static byte[] stamp(byte[] source, String sha256, long size, long epoch) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(source, StandardCharsets.UTF_8).split("\n")) {
            String key = line.contains("=") ? line.substring(0, line.indexOf('=')).trim() : "";
            if (!key.equals("sha256") && !key.equals("size") && !key.equals("build_date") && !line.isBlank()) {
                out.append(line).append('\n');
            }
        }
        out.append("build_date = ").append(epoch).append('\n');
        out.append("size = ").append(size).append('\n');
        out.append("sha256 = ").append(sha256).append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
