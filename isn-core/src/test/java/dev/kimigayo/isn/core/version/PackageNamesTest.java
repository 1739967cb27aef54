package dev.kimigayo.isn.core.version;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"vim", "g++", "py3-foo", "ncurses-terminfo-base", "0ad", "libstdc++6", "a.b_c"})
    void validPackageNames(String name) {
        assertTrue(PackageNames.isValidPackageName(name));
        assertTrue(PackageNames.isValidDependencyName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Vim", "-vim", ".vim", "a..b", "a/b", "a b", "a@b", "a\tb", "a\u0000", "é", "so:libX11.so.6"})
    void invalidPackageNames(String name) {
        assertFalse(PackageNames.isValidPackageName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"so:libX11.so.6", "cmd:vim", "cmd:[", "pc:gtk+-3.0", "so:openjdk8:libawt.so", ".build-deps",
        ".Virtual_1", "/bin/sh", "/usr/bin/python3"})
    void validDependencyNames(String name) {
        assertTrue(PackageNames.isValidDependencyName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..x", "so:", "so:a b", "so:a/b", "so:a@b", "so:a=b", "cmd:\u007f", "/", "/bin/",
        "//bin", "/bin/../sh", "/./x", "a:b:c\u0001", "Foo:bar"})
    void invalidDependencyNames(String name) {
        assertFalse(PackageNames.isValidDependencyName(name));
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 129})
    void lengthLimit(int length) {
        String name = "a".repeat(length);
        assertTrue(PackageNames.isValidPackageName(name) == (length <= 128));
    }
}
