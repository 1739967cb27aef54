package dev.kimigayo.isn.e2e.real;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real Debian packages for tests: the Depends/Pre-Depends closure of some names, resolved from
 * the machine's apt data ({@code apt-cache show}, first alternative that exists, as the
 * dataset in ../shared does), downloaded once with {@code apt-get download} into a cache that
 * survives {@code mvn clean} ({@code ~/.cache/isn-tests/debs}, or {@code ISN_TEST_DEB_CACHE}).
 */
final class DebianDebs {

    /** One binary package: its control fields of interest and the downloaded file. */
    record Deb(String name, String version, String architecture, Path file) {
    }

    private DebianDebs() {
    }

    /** The cache directory for downloaded .deb files. */
    static Path cache() throws IOException {
        String configured = System.getenv("ISN_TEST_DEB_CACHE");
        Path dir = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "isn-tests", "debs");
        return Files.createDirectories(dir);
    }

    /** The closure of {@code roots}, each downloaded (or found in the cache), sorted by name. */
    static List<Deb> closure(List<String> roots) throws IOException, InterruptedException {
        // name -> its record, or an empty map for a virtual or unknown name; each name is asked once.
        Map<String, Map<String, String>> known = new HashMap<>();
        Set<String> chosen = new java.util.TreeSet<>();
        List<List<String>> wanted = new ArrayList<>();
        roots.forEach(r -> wanted.add(List.of(r)));
        while (!wanted.isEmpty()) {
            List<String> ask = wanted.stream().flatMap(List::stream).filter(n -> !known.containsKey(n)).distinct().toList();
            if (!ask.isEmpty()) {
                Map<String, Map<String, String>> found = show(ask);
                ask.forEach(n -> known.put(n, found.getOrDefault(n, Map.of())));
            }
            List<List<String>> next = new ArrayList<>();
            for (List<String> alternatives : wanted) {
                String pick = alternatives.stream().filter(n -> !known.get(n).isEmpty()).findFirst().orElse(null);
                if (pick == null || !chosen.add(pick)) {
                    continue;
                }
                Map<String, String> r = known.get(pick);
                for (String field : List.of("Pre-Depends", "Depends")) {
                    for (String group : r.getOrDefault(field, "").split(",")) {
                        if (!group.isBlank()) {
                            List<String> names = new ArrayList<>();
                            for (String alt : group.split("\\|")) {
                                names.add(alt.trim().split("[ (:]")[0]);
                            }
                            next.add(names);
                        }
                    }
                }
            }
            wanted.clear();
            wanted.addAll(next);
        }
        List<Deb> debs = new ArrayList<>();
        for (String name : chosen) {
            Map<String, String> r = known.get(name);
            debs.add(new Deb(r.get("Package"), r.get("Version"), r.get("Architecture"), download(r)));
        }
        return debs;
    }

    /** The candidate record of each name apt knows as a real package; virtual and unknown names are absent. */
    private static Map<String, Map<String, String>> show(List<String> names) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("apt-cache", "show", "--no-all-versions"));
        cmd.addAll(names);
        String out = run(cmd, null, true);
        Map<String, Map<String, String>> result = new HashMap<>();
        for (String stanza : out.split("\n\n")) {
            Map<String, String> fields = new HashMap<>();
            for (String line : stanza.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith(" ")) {
                    fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
            if (fields.containsKey("Package")) {
                result.putIfAbsent(fields.get("Package"), fields);
            }
        }
        return result;
    }

    private static Path download(Map<String, String> r) throws IOException, InterruptedException {
        Path cache = cache();
        // apt-get download names the file with the epoch ("1%3a2.5.1-4"); the archive's Filename omits it.
        String version = r.get("Version").replace(":", "%3a");
        String file = r.get("Package") + "_" + version + "_" + r.get("Architecture") + ".deb";
        Path deb = cache.resolve(file);
        if (!Files.isRegularFile(deb)) {
            run(List.of("apt-get", "download", "-q", r.get("Package") + "=" + r.get("Version")), cache, false);
        }
        if (!Files.isRegularFile(deb)) {
            try (Stream<Path> s = Files.list(cache)) {
                throw new IOException("apt-get download did not write " + file + " (have: " + s.count() + " files)");
            }
        }
        return deb;
    }

    /** Runs a command, returning its stdout; fails on a non-zero exit unless {@code tolerant}. */
    static String run(List<String> cmd, Path dir, boolean tolerant) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(cmd + " timed out");
        }
        if (p.exitValue() != 0 && !tolerant) {
            throw new IOException(cmd + " exited with " + p.exitValue());
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
