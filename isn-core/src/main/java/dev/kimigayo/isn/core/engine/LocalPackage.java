package dev.kimigayo.isn.core.engine;

import java.nio.file.Path;

import dev.kimigayo.isn.core.pkginfo.PkgInfo;

/** A package file named on the command line ({@code isn install ./foo.isn}), verified like any other. */
record LocalPackage(Path file, PkgInfo info) {
}
