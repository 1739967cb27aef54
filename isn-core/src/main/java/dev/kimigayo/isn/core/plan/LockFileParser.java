package dev.kimigayo.isn.core.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the text of a lock file (docs/format-lock.md), refusing anything it does not fully understand. */
public final class LockFileParser {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern WORD = Pattern.compile("[^\\s\\p{Cntrl}]+");

    private LockFileParser() {
    }

    /** Parses {@code text}; {@code source} names the file in error messages. */
    public static LockFile parse(String text, String source) throws LockFileSyntaxException {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].equals("isn-lock " + LockFile.FORMAT_VERSION)) {
            throw new LockFileSyntaxException(source, 1, lines.length > 0 && lines[0].startsWith("isn-lock ")
                    ? "format version " + lines[0].substring("isn-lock ".length()) + " is not supported (this isn"
                            + " reads version " + LockFile.FORMAT_VERSION + ")"
                    : "not an isn lock file: the first line must be 'isn-lock " + LockFile.FORMAT_VERSION + "'");
        }
        List<String> world = new ArrayList<>();
        Map<String, Long> serials = new HashMap<>();
        List<LockFile.Repository> repos = new ArrayList<>();
        List<String[]> packageLines = new ArrayList<>();
        List<Integer> packageLineNumbers = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            String line = lines[n];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ", -1);
            for (String field : f) {
                if (!WORD.matcher(field).matches()) {
                    throw new LockFileSyntaxException(source, n + 1, "fields are separated by single spaces and"
                            + " contain no control characters");
                }
            }
            switch (f[0]) {
                case "world" -> {
                    expect(f, 2, source, n, "world ENTRY");
                    world.add(f[1]);
                }
                case "repository" -> {
                    expect(f, 3, source, n, "repository URL SERIAL");
                    long serial = number(f[2], source, n, "serial");
                    if (serials.put(f[1], serial) != null) {
                        throw new LockFileSyntaxException(source, n + 1, "repository " + f[1] + " is listed twice");
                    }
                    repos.add(new LockFile.Repository(f[1], serial));
                }
                case "package" -> {
                    expect(f, 8, source, n, "package NAME VERSION ARCH SIZE SHA256 REPOSITORY FILE");
                    packageLines.add(f);
                    packageLineNumbers.add(n + 1);
                }
                default -> throw new LockFileSyntaxException(source, n + 1, "unknown line type '" + f[0]
                        + "' (expected world, repository or package)");
            }
        }
        List<PackageId> packages = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < packageLines.size(); i++) {
            String[] f = packageLines.get(i);
            int n = packageLineNumbers.get(i) - 1;
            if (!SHA256.matcher(f[5]).matches()) {
                throw new LockFileSyntaxException(source, n + 1, "the SHA-256 must be 64 lower-case hex digits");
            }
            Long serial = serials.get(f[6]);
            if (serial == null) {
                throw new LockFileSyntaxException(source, n + 1, "package " + f[1] + " names repository " + f[6]
                        + ", which no 'repository' line lists");
            }
            if (!names.add(f[1])) {
                throw new LockFileSyntaxException(source, n + 1, "package " + f[1] + " is listed twice");
            }
            packages.add(new PackageId(f[1], f[2], f[3], number(f[4], source, n, "size"), f[5],
                    new PackageSource.Indexed(f[6], serial, f[7])));
        }
        return new LockFile(world, repos, packages);
    }

    private static void expect(String[] f, int count, String source, int n, String shape)
            throws LockFileSyntaxException {
        if (f.length != count) {
            throw new LockFileSyntaxException(source, n + 1, "expected '" + shape + "'");
        }
    }

    private static long number(String text, String source, int n, String what) throws LockFileSyntaxException {
        try {
            long v = Long.parseLong(text);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new LockFileSyntaxException(source, n + 1, "the " + what + " must be a non-negative number, not '"
                + text + "'");
    }
}
