package dev.kimigayo.isn.core.solver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One apk-tools solver fixture ({@code *.test}): the command, the repositories, the state, the expectation. */
record ApkCase(String name, List<String> args, List<String[]> repos, List<String> caches, String installed,
        List<String> world, List<String> expect) {

    static ApkCase read(Path file) throws IOException {
        List<String> args = List.of();
        List<String[]> repos = new ArrayList<>();
        List<String> caches = new ArrayList<>();
        String installed = null;
        List<String> world = List.of();
        List<String> expect = new ArrayList<>();
        boolean inExpect = false;
        for (String line : Files.readAllLines(file)) {
            if (inExpect) {
                expect.add(line);
                continue;
            }
            String[] w = line.trim().split("\\s+");
            switch (w[0]) {
                case "@ARGS" -> args = List.of(w).subList(1, w.length);
                case "@REPO" -> repos.add(w.length == 3 ? new String[] {w[1].substring(1), w[2]} : new String[] {null, w[1]});
                case "@CACHE" -> caches.add(w[1]);
                case "@INSTALLED" -> installed = w[1];
                case "@WORLD" -> world = List.of(w).subList(1, w.length);
                case "@EXPECT" -> inExpect = true;
                default -> {
                }
            }
        }
        String name = file.getFileName().toString().replace(".test", "");
        return new ApkCase(name, args, repos, caches, installed, world, expect);
    }

    boolean expectsError() {
        return expect.stream().anyMatch(l -> l.startsWith("ERROR"));
    }

    /** The expected operations, as {@link ApkOps#describe} renders them. */
    List<String> expectedOps() {
        List<String> ops = new ArrayList<>();
        for (String l : expect) {
            if (l.matches("^\\(\\d+/\\d+\\) .*")) {
                ops.add(l.substring(l.indexOf(')') + 2));
            }
        }
        return ops;
    }
}
