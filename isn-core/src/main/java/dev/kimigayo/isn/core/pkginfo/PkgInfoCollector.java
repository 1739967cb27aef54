package dev.kimigayo.isn.core.pkginfo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.ConstraintSyntaxException;
import dev.kimigayo.isn.core.version.InvalidVersionException;
import dev.kimigayo.isn.core.version.PackageNames;
import dev.kimigayo.isn.core.version.Provide;
import dev.kimigayo.isn.core.version.Version;

/** Turns the {@code key = value} lines of one PKGINFO into a {@link PkgInfo}, checking each value. */
final class PkgInfoCollector {

    /** The only format this reader understands; a PKGINFO declaring a newer one is refused. */
    static final String FORMAT = "1";

    private final String source;
    private final Map<PkgInfoKey, Integer> seenOnLine = new EnumMap<>(PkgInfoKey.class);
    private final Map<PkgInfoKey, String> single = new EnumMap<>(PkgInfoKey.class);
    private final List<Constraint> depends = new ArrayList<>();
    private final List<Constraint> installIf = new ArrayList<>();
    private final List<Provide> provides = new ArrayList<>();
    private final List<Constraint> replaces = new ArrayList<>();
    private final List<String> config = new ArrayList<>();
    private final List<String> setuid = new ArrayList<>();
    private final Map<String, List<String>> unknown = new TreeMap<>();
    private int line;

    PkgInfoCollector(String source) {
        this.source = source;
    }

    /** Takes one line's key and (already syntax-checked) value. */
    void accept(String keyText, String value, int lineNo) throws MalformedPkgInfoException {
        line = lineNo;
        PkgInfoKey key = PkgInfoKey.of(keyText);
        if (key == null) {
            unknown.computeIfAbsent(keyText, k -> new ArrayList<>()).add(value);
            return;
        }
        if (!key.multi) {
            Integer first = seenOnLine.putIfAbsent(key, lineNo);
            if (first != null) {
                throw fail("duplicate key '" + keyText + "' (first on line " + first + "); it may appear once");
            }
            single.put(key, value);
            checkSingle(key, value);
            return;
        }
        for (String item : value.split(" +")) {
            acceptItem(key, item);
        }
    }

    private void checkSingle(PkgInfoKey key, String value) throws MalformedPkgInfoException {
        switch (key) {
            case FORMAT -> {
                if (!value.equals(FORMAT)) {
                    throw fail("format '" + value + "' is not understood by this isn (it reads format " + FORMAT
                            + "); upgrade isn to read this package");
                }
            }
            case NAME, ORIGIN -> {
                if (!PackageNames.isValidPackageName(value)) {
                    throw fail(key.text + " '" + value + "' is not a valid package name (lower-case "
                            + "[a-z0-9][a-z0-9._+-]*, at most 128 characters, no '..')");
                }
            }
            case VERSION -> {
                try {
                    Version.parse(value);
                } catch (InvalidVersionException e) {
                    throw fail("invalid version '" + value + "': " + e.reason() + " at position " + e.position());
                }
            }
            case ARCHITECTURE -> {
                if (!PkgInfo.ARCHITECTURES.contains(value)) {
                    throw fail("architecture '" + value + "' is not one of x86_64, aarch64, noarch");
                }
            }
            case URL -> {
                if (value.contains(" ")) {
                    throw fail("url '" + value + "' contains a space");
                }
            }
            case BUILD_DATE, SIZE -> count(key, value, Long.MAX_VALUE);
            case PROVIDER_PRIORITY -> count(key, value, Integer.MAX_VALUE);
            case SHA256 -> {
                String problem = PkgInfoValues.sha256Problem(value);
                if (problem != null) {
                    throw fail(problem);
                }
            }
            default -> { }
        }
    }

    private void acceptItem(PkgInfoKey key, String item) throws MalformedPkgInfoException {
        try {
            switch (key) {
                case DEPENDS -> depends.add(Constraint.parse(item));
                case INSTALL_IF -> installIf.add(Constraint.parse(item));
                case PROVIDES -> provides.add(Provide.parse(item));
                case REPLACES -> replaces.add(replacement(item));
                case CONFIG -> addOnce(config, key, path(item));
                case SETUID -> addOnce(setuid, key, path(item));
                default -> throw new IllegalStateException("not a multi-valued key: " + key);
            }
        } catch (ConstraintSyntaxException e) {
            throw fail(key.text + " '" + item + "', position " + e.position() + ": " + e.reason());
        }
    }

    /** A replaces entry: a package name, optionally with a version range (apk matches it like a dependency). */
    private Constraint replacement(String item) throws MalformedPkgInfoException, ConstraintSyntaxException {
        Constraint c = Constraint.parse(item);
        if (c.conflict() || c.tag() != null || !PackageNames.isValidPackageName(c.name())) {
            throw fail("replaces '" + item + "' must be a package name with an optional version range"
                    + " (no '!', no '@tag')");
        }
        return c;
    }

    private String path(String item) throws MalformedPkgInfoException {
        String problem = PkgInfoValues.pathProblem(item);
        if (problem != null) {
            throw fail(problem);
        }
        return item;
    }

    private void addOnce(List<String> list, PkgInfoKey key, String item) throws MalformedPkgInfoException {
        if (list.contains(item)) {
            throw fail(key.text + " lists '" + item + "' twice");
        }
        list.add(item);
    }

    private void count(PkgInfoKey key, String value, long max) throws MalformedPkgInfoException {
        if (PkgInfoValues.parseCount(value, max) < 0) {
            throw fail(key.text + " '" + value + "' is not a decimal number from 0 to " + max
                    + " (no sign, no leading zeros)");
        }
    }

    /** Checks the required keys and builds the record. */
    PkgInfo finish() throws MalformedPkgInfoException {
        line = 0;
        for (PkgInfoKey required : new PkgInfoKey[] {PkgInfoKey.NAME, PkgInfoKey.VERSION, PkgInfoKey.ARCHITECTURE}) {
            if (!single.containsKey(required)) {
                throw fail("missing required key '" + required.text + "'");
            }
        }
        try {
            return new PkgInfo(single.get(PkgInfoKey.NAME), single.get(PkgInfoKey.VERSION),
                    single.get(PkgInfoKey.ARCHITECTURE), single.get(PkgInfoKey.DESCRIPTION), single.get(PkgInfoKey.URL),
                    single.get(PkgInfoKey.LICENSE), depends, provides, installIf, replaces,
                    (int) number(PkgInfoKey.PROVIDER_PRIORITY), single.get(PkgInfoKey.ORIGIN),
                    single.get(PkgInfoKey.MAINTAINER), number(PkgInfoKey.BUILD_DATE), number(PkgInfoKey.SIZE),
                    single.get(PkgInfoKey.SHA256), config, setuid, unknown);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private long number(PkgInfoKey key) {
        String v = single.get(key);
        return v == null ? 0 : PkgInfoValues.parseCount(v, Long.MAX_VALUE);
    }

    private MalformedPkgInfoException fail(String reason) {
        return new MalformedPkgInfoException(source, line, reason);
    }
}
