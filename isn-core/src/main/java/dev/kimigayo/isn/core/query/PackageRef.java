package dev.kimigayo.isn.core.query;

/** One package version, as queries name it. */
public record PackageRef(String name, String version) {

    /** {@code name-version}, the way apk and isn print a package. */
    @Override
    public String toString() {
        return name + "-" + version;
    }
}
