package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.fetch.FetchException;

/**
 * Every error code the code can throw is in docs/exit-codes.md ("Every code, by exit code"), in
 * the row of the exit code its kind maps to. The codes are read from the sources: literals
 * returned by {@code code()} of each exception class (with the kind its {@code kind()}, or its
 * superclass's, returns), codes passed to {@code CliException} and {@code MalformedIndexException}
 * constructors, enum-valued codes, and the fetch reasons.
 */
class ErrorCodesDocTest {

    private static final Path TOP = Path.of(System.getProperty("isn.projectRoot", ".."));
    private static final Pattern CODE_METHOD = Pattern.compile("String code\\(\\)\\s*\\{(.*?)\\n    }", Pattern.DOTALL);
    private static final Pattern KIND_METHOD = Pattern.compile("Kind kind\\(\\)\\s*\\{.*?Kind\\.([A-Z]+)", Pattern.DOTALL);
    /** A literal code() returns: after {@code return}, {@code ?} or {@code :} (not one it compares with). */
    private static final Pattern LITERAL = Pattern.compile("(?:return|\\?|:)\\s*\"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\"(?=\\s*[;:)])");
    private static final Pattern ENUM_CODE = Pattern.compile("\\n\\s+[A-Z_]+\\(\"([a-z][a-z0-9-]*)\"\\)");
    private static final Pattern EXTENDS = Pattern.compile("class \\w+ extends (\\w+)");
    private static final Pattern CLI = Pattern.compile("new CliException\\(\"([a-z0-9-]+)\",\\s*(?:IsnException\\.)?Kind\\.([A-Z]+)");
    private static final Pattern INDEX = Pattern.compile("new (?:[\\w.]*\\.)?MalformedIndexException\\(\"([a-z0-9-]+)\"");

    @Test
    void everyThrownCodeIsDocumentedWithItsExitCode() throws IOException {
        Map<String, String> kinds = new TreeMap<>();
        Map<String, String> sources = sources();
        for (Map.Entry<String, String> f : sources.entrySet()) {
            String text = f.getValue();
            Matcher code = CODE_METHOD.matcher(text);
            if (f.getKey().endsWith("Exception") && code.find() && kindOf(f.getKey(), sources) != null) {
                String kind = kindOf(f.getKey(), sources);
                Matcher lit = LITERAL.matcher(code.group(1));
                while (lit.find()) {
                    put(kinds, lit.group(1), kind, f.getKey());
                }
                if (code.group(1).contains("code;") || code.group(1).contains(".code")) {
                    Matcher e = ENUM_CODE.matcher(text);
                    while (e.find()) {
                        put(kinds, e.group(1), kind, f.getKey());
                    }
                }
            }
            Matcher cli = CLI.matcher(text);
            while (cli.find()) {
                put(kinds, cli.group(1), cli.group(2), f.getKey());
            }
            Matcher index = INDEX.matcher(text);
            while (index.find()) {
                put(kinds, index.group(1), "INTEGRITY", f.getKey());
            }
        }
        for (FetchException.Reason r : FetchException.Reason.values()) {
            put(kinds, "fetch-" + r.name().toLowerCase(Locale.ROOT).replace('_', '-'), "FETCH", "FetchException");
        }
        // A sanity check on the scan itself: codes from each way of declaring one were found.
        for (String known : List.of("reserved-path", "index-mismatch", "bad-signature", "index-too-large", "no-terminal",
                "symlink-in-path", "fetch-offline", "size-mismatch", "package-changed")) {
            assertTrue(kinds.containsKey(known), known + " not found by the scan: " + kinds.keySet());
        }

        Map<Integer, String> rows = rows(Files.readString(TOP.resolve("docs/exit-codes.md")));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> c : kinds.entrySet()) {
            int exit = ExitCodes.of(exceptionOf(IsnException.Kind.valueOf(c.getValue())));
            String row = rows.getOrDefault(exit, "");
            if (!row.contains("`" + c.getKey() + "`")) {
                problems.add(c.getKey() + " (kind " + c.getValue() + ", exit " + exit + ")");
            }
        }
        assertEquals(List.of(), problems, "codes missing from their row of docs/exit-codes.md");
    }

    private static void put(Map<String, String> kinds, String code, String kind, String where) {
        String before = kinds.put(code, kind);
        assertTrue(before == null || before.equals(kind),
                "code " + code + " has two kinds, " + before + " and " + kind + " (" + where + "): one code, one exit code");
    }

    /** The kind the class's {@code kind()} returns, or its superclass's. */
    private static String kindOf(String name, Map<String, String> sources) {
        for (String n = name; n != null && sources.containsKey(n); ) {
            Matcher k = KIND_METHOD.matcher(sources.get(n));
            if (k.find()) {
                return k.group(1);
            }
            Matcher e = EXTENDS.matcher(sources.get(n));
            n = e.find() ? e.group(1) : null;
        }
        return null;
    }

    /** Simple class name → source text, of the main code of every module. */
    private static Map<String, String> sources() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String module : List.of("isn-core", "isn-cli", "isn-db", "isn-crypto")) {
            try (Stream<Path> files = Files.walk(TOP.resolve(module).resolve("src/main/java"))) {
                for (Path p : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    out.put(p.getFileName().toString().replace(".java", ""), Files.readString(p));
                }
            }
        }
        return out;
    }

    /** The codes column of each row of the "Every code" table, by exit code. */
    private static Map<Integer, String> rows(String doc) {
        int from = doc.indexOf("## Every code, by exit code");
        assertTrue(from >= 0, "docs/exit-codes.md has no 'Every code, by exit code' section");
        String section = doc.substring(from, doc.indexOf("\n## ", from + 1));
        Map<Integer, String> rows = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\| (.*)$").matcher(section);
        while (m.find()) {
            rows.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        return rows;
    }

    private static IsnException exceptionOf(IsnException.Kind kind) {
        return new IsnException("probe") {
            @Override
            public String code() {
                return "probe";
            }

            @Override
            public Kind kind() {
                return kind;
            }
        };
    }
}
