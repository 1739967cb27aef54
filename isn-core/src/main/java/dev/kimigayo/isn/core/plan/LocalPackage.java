package dev.kimigayo.isn.core.plan;

import java.nio.file.Path;

import dev.kimigayo.isn.core.pkginfo.PkgInfo;

/** A package file named on the command line ({@code isn install ./foo.isn}), verified like any other. */
public record LocalPackage(Path file, PkgInfo info) {
}
