package dev.kimigayo.isn.core.sbom;

/**
 * A dependency edge of the root: package {@code from} lists the dependency {@code needs} (a
 * constraint such as {@code so:libncursesw.so.6} or {@code musl>=1.2}) and the installed package
 * {@code to} satisfies it, by name or by a name it provides.
 */
public record SbomEdge(String from, String needs, String to) {
}
