package dev.kimigayo.isn.core.pkginfo;

import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.ConstraintSyntaxException;
import dev.kimigayo.isn.core.version.PackageNames;
import dev.kimigayo.isn.core.version.Provide;
import dev.kimigayo.isn.core.version.Version;

/** Whole-record validation for {@link PkgInfo}: the first problem found, or null. */
final class PkgInfoChecks {

    private PkgInfoChecks() {
    }

    static String problem(String name, String version, String architecture, String description, String url,
            String license, List<Constraint> depends, List<Provide> provides, List<Constraint> installIf,
            List<Constraint> replaces, int providerPriority, String origin, String maintainer, long buildDate,
            long size, String sha256, List<String> config, List<String> setuid, Map<String, List<String>> unknown) {
        if (name == null || !PackageNames.isValidPackageName(name)) {
            return "name '" + name + "' is not a valid package name";
        }
        if (version == null || !Version.isValid(version)) {
            return "version '" + version + "' is not a valid version";
        }
        if (!PkgInfo.ARCHITECTURES.contains(architecture)) {
            return "architecture '" + architecture + "' is not one of " + PkgInfo.ARCHITECTURES;
        }
        for (String text : new String[] {description, url, license, maintainer}) {
            if (text != null && PkgInfoValues.textProblem(text) != null) {
                return PkgInfoValues.textProblem(text) + " in '" + text + "'";
            }
        }
        if (url != null && url.contains(" ")) {
            return "url '" + url + "' contains a space";
        }
        if (origin != null && !PackageNames.isValidPackageName(origin)) {
            return "origin '" + origin + "' is not a valid package name";
        }
        if (providerPriority < 0 || buildDate < 0 || size < 0) {
            return "provider_priority, build_date and size must not be negative";
        }
        if (sha256 != null && PkgInfoValues.sha256Problem(sha256) != null) {
            return PkgInfoValues.sha256Problem(sha256);
        }
        for (Constraint c : depends) {
            if (c.conflict() && c.name().equals(name)) {
                // Only one version of a name is ever installed, so a self-conflict can only mean a
                // package that refuses itself (or a solver tricked into removing it): refuse it.
                return "package '" + name + "' declares a conflict with itself ('" + c + "')";
            }
        }
        String lists = listProblem(depends, installIf, provides, replaces, config, setuid);
        return lists != null ? lists : unknownProblem(unknown);
    }

    private static String listProblem(List<Constraint> depends, List<Constraint> installIf, List<Provide> provides,
            List<Constraint> replaces, List<String> config, List<String> setuid) {
        try {
            for (List<Constraint> list : List.of(depends, installIf, replaces)) {
                for (Constraint c : list) {
                    if (!Constraint.parse(c.toString()).equals(c)) {
                        return "constraint '" + c + "' does not survive writing";
                    }
                }
            }
            for (Provide p : provides) {
                if (!Provide.parse(p.toString()).equals(p)) {
                    return "provide '" + p + "' does not survive writing";
                }
            }
        } catch (ConstraintSyntaxException e) {
            return e.reason() + " in '" + e.input() + "'";
        }
        for (Constraint r : replaces) {
            if (r.conflict() || r.tag() != null || !PackageNames.isValidPackageName(r.name())) {
                return "replaces '" + r + "' must be a package name with an optional version range";
            }
        }
        for (List<String> paths : List.of(config, setuid)) {
            for (String p : paths) {
                if (PkgInfoValues.pathProblem(p) != null) {
                    return PkgInfoValues.pathProblem(p);
                }
            }
        }
        return null;
    }

    private static String unknownProblem(Map<String, List<String>> unknown) {
        for (Map.Entry<String, List<String>> e : unknown.entrySet()) {
            String key = e.getKey();
            if (PkgInfoValues.keyProblem(key) != null) {
                return PkgInfoValues.keyProblem(key);
            }
            if (PkgInfoKey.of(key) != null) {
                return "'" + key + "' is a known key and cannot be stored as unknown";
            }
            if (e.getValue().isEmpty()) {
                return "unknown key '" + key + "' has no value";
            }
            for (String v : e.getValue()) {
                if (PkgInfoValues.textProblem(v) != null) {
                    return PkgInfoValues.textProblem(v) + " (key '" + key + "')";
                }
            }
        }
        return null;
    }
}
