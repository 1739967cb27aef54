package dev.kimigayo.isn.core.inspect;

/**
 * One installed path that no longer matches what the database recorded for it; {@code isn fix}
 * reinstalls the package to repair it.
 *
 * @param pkg     the package owning the path
 * @param path    the path, relative to the root
 * @param problem what differs
 */
public record Damage(String pkg, String path, Problem problem) {

    /** What differs between the path on disk and its database record. */
    public enum Problem {
        /** Nothing is there. */
        MISSING,
        /** Something of another type is there (a directory where a file was, a file where a link was…). */
        TYPE,
        /** A regular file whose SHA-256 differs from the recorded one. */
        CONTENT,
        /** A regular file or directory whose permission bits (setuid/setgid/sticky included) differ. */
        MODE,
        /** A regular file or directory whose owner or group differs (checked only when running as root). */
        OWNER,
        /** A symbolic link pointing somewhere else. */
        LINK_TARGET;

        /** The stable lower-case code for JSON ({@code missing}, {@code content}, {@code link-target}…). */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
