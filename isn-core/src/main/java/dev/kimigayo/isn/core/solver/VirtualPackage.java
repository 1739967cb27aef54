package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.PackageNames;
import dev.kimigayo.isn.core.version.Version;
import java.util.List;

/** The local meta-package of {@code add --virtual NAME[=VERSION] pkg…}. */
public record VirtualPackage(String name, String version) {

    /**
     * Parses {@code NAME} or {@code NAME=VERSION}; {@code defaultVersion} is used when no version
     * is given (callers usually pass a timestamp such as {@code 20260127.093000}).
     */
    public static VirtualPackage parse(String spec, String defaultVersion) throws InvalidRequestException {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec : spec.substring(0, eq);
        String version = eq < 0 ? defaultVersion : spec.substring(eq + 1);
        boolean nameOk = name.startsWith(".") ? PackageNames.isValidDependencyName(name)
                : PackageNames.isValidPackageName(name);
        if (!nameOk || !Version.isValid(version)) {
            throw new InvalidRequestException("'" + spec + "' is not a valid virtual package: write NAME or"
                    + " NAME=VERSION, with a valid package name and version (e.g. .build-deps=20260101.120000)");
        }
        return new VirtualPackage(name, version);
    }

    /** The package itself: no files, depending on {@code targets}, which may not carry tags. */
    SolverPackage toPackage(List<Constraint> targets) throws InvalidRequestException {
        for (Constraint c : targets) {
            if (c.tag() != null) {
                throw new InvalidRequestException("'" + c + "' is not a valid dependency of virtual package "
                        + name + ": a package's dependencies cannot name a repository tag; add " + c
                        + " on its own, or drop the @" + c.tag());
            }
        }
        return SolverPackage.of(name, version, targets);
    }
}
