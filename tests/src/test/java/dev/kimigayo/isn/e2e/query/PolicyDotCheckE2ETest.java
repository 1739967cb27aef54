package dev.kimigayo.isn.e2e.query;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnResult;
import dev.kimigayo.isn.e2e.harness.NginxServer;

/** {@code policy}, {@code dot} and {@code check} against signed repositories (file: and nginx). */
class PolicyDotCheckE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EDGE = Pattern.compile("^  \"([^\"]+)\" -> \"([^\"]+)\" \\[label=\"([^\"]*)\"(, style=dashed)?\\];$");
    private static final Pattern NODE = Pattern.compile("^  \"([^\"]+)\"( \\[style=bold\\])?;$");

    @TempDir
    Path tmp;

    private SignedRepo sample;

    /** A folder with {@code name-version}'s package, packed and indexed with the sample repository's key. */
    private Path repoWith(String dir, String... pkginfos) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve(dir));
        for (String info : pkginfos) {
            String name = info.replaceAll("(?s).*name = (\\S+).*", "$1");
            Path src = SignedRepo.source(tmp.resolve("src-" + dir + "-" + name), info, "usr/share/" + name + "/" + dir, dir);
            isn().run("pack", src.toString(), "-o", repo.toString(), "--key", sample.keys.resolve("demo.sec").toString())
                    .assertSuccess();
        }
        index(repo);
        return repo;
    }

    private void index(Path repo) throws Exception {
        isn().run("index", repo.toString(), "--key", sample.keys.resolve("demo.sec").toString()).assertSuccess();
    }

    private static String info(String name, String version, String depends) {
        return "name = " + name + "\nversion = " + version + "\narchitecture = noarch\ndescription = " + name
                + "\nlicense = MIT\n" + (depends.isEmpty() ? "" : "depends = " + depends + "\n");
    }

    private Path root(String... packages) throws Exception {
        Path root = tmp.resolve("root");
        List<String> args = new ArrayList<>(List.of("--initdb", "--keys-dir", sample.trusted.toString(), "-X",
                sample.url(), "add", "--no-scripts"));
        args.addAll(List.of(packages));
        isn().runAt(root, args.toArray(String[]::new)).assertSuccess();
        SignedRepo.remember(root, sample.url());
        return root;
    }

    @Test
    void policyListsCandidatesPerRepositoryAndTheReasonForTheChoice() throws Exception {
        sample = SignedRepo.sample(tmp.resolve("sample"));
        sample.pack(SignedRepo.source(tmp.resolve("hello1"), info("hello", "1.0-r0", ""), "usr/share/hello", "1"));
        sample.index();
        Path newer = repoWith("newer", info("xxd", "9.1.0-r0", "so:libc.musl-x86_64.so.1"));
        Path edge = repoWith("edge", info("hello", "2.0-r0", ""));
        Path root = root("vim");
        Files.writeString(root.resolve("etc/isn/repositories"), sample.url() + "\n" + newer.toUri() + "\n@edge "
                + edge.toUri() + "\n");

        IsnResult xxd = isn().runAt(root, "policy", "xxd").assertSuccess();
        assertEquals(List.of("xxd policy:", "  installed: 9.0.2127-r0 (from " + sample.url() + ")",
                "  9.1.0-r0:", "    " + newer.toUri(), "  9.0.2127-r0:", "    " + sample.url(),
                "  chosen: 9.0.2127-r0 (the installed version is kept, installing never upgrades;"
                        + " 'isn upgrade xxd' would take 9.1.0-r0)"), xxd.stdout().lines().toList(), xxd::describe);

        JsonNode hello = JSON.readTree(isn().runAt(root, "policy", "--json", "hello").assertSuccess().stdout());
        assertTrue(hello.get("installed").isNull());
        assertEquals("2.0-r0", hello.at("/candidates/0/version").asText(), hello::toString);
        assertEquals("edge", hello.at("/candidates/0/repositories/0/tag").asText());
        assertEquals("1.0-r0", hello.get("chosen").asText(), "an untagged repository's version, not @edge's");
        assertEquals("newest", hello.get("reason").asText());

        isn().runAt(root, "add", "--no-scripts", "hello@edge").assertSuccess();
        JsonNode pinned = JSON.readTree(isn().runAt(root, "policy", "--json", "hello").assertSuccess().stdout());
        assertEquals("2.0-r0", pinned.get("chosen").asText(), pinned::toString);
        assertEquals("pinned_tag", pinned.get("reason").asText());
        assertEquals("edge", pinned.get("pinned_tag").asText());

        JsonNode nvi = JSON.readTree(isn().runAt(root, "policy", "--json", "nvi").assertSuccess().stdout());
        assertEquals("not_installable", nvi.get("reason").asText(), nvi::toString);
        assertTrue(nvi.get("chosen").isNull());
        assertEquals("DECLARED_CONFLICT", nvi.at("/refusal/cause").asText());

        IsnResult unknown = isn().runAt(root, "policy", "nosuch").assertExit(1);
        assertTrue(unknown.stderr().contains("no package named nosuch"), unknown::describe);
    }

    @Test
    void dotDrawsTheInstalledGraphThatGraphvizRenders() throws Exception {
        sample = SignedRepo.sample(tmp.resolve("sample"));
        Path root = root("vim", "docs");
        IsnResult r = isn().runAt(root, "dot", "vim").assertSuccess();
        Set<String> edges = new TreeSet<>();
        Set<String> nodes = new TreeSet<>();
        List<String> lines = r.stdout().lines().toList();
        assertEquals("digraph \"isn\" {", lines.get(0), r::describe);
        assertEquals("}", lines.get(lines.size() - 1));
        for (String line : lines.subList(1, lines.size() - 1)) {
            Matcher e = EDGE.matcher(line);
            Matcher n = NODE.matcher(line);
            if (e.matches()) {
                edges.add(e.group(1) + " -> " + e.group(2) + (e.group(4) == null ? "" : " (install_if)"));
            } else if (n.matches()) {
                nodes.add(n.group(1) + (n.group(2) == null ? "" : " (root)"));
            } else {
                assertTrue(line.equals("  rankdir=LR;") || line.equals("  node [shape=box];"), "unexpected: " + line);
            }
        }
        String vim = "vim-9.0.2127-r0";
        String musl = "musl-1.2.5-r0";
        String ncurses = "ncurses-libs-6.4_p20231125-r0";
        assertEquals(new TreeSet<>(List.of(vim + " -> vim-common-9.0.2127-r0", vim + " -> xxd-9.0.2127-r0",
                vim + " -> " + musl, vim + " -> " + ncurses, vim + " -> vim-doc-9.0.2127-r0 (install_if)",
                "xxd-9.0.2127-r0 -> " + musl, ncurses + " -> " + musl,
                ncurses + " -> ncurses-terminfo-base-6.4_p20231125-r0")), edges, r::describe);
        assertEquals(new TreeSet<>(List.of(vim + " (root)", "vim-common-9.0.2127-r0", "xxd-9.0.2127-r0", musl,
                ncurses, "vim-doc-9.0.2127-r0", "ncurses-terminfo-base-6.4_p20231125-r0")), nodes);

        JsonNode available = JSON.readTree(isn().runAt(root, "dot", "--json", "--available", "vim").assertSuccess()
                .stdout());
        assertEquals(6, available.get("nodes").size(), "no vim-doc without docs: " + available);
        assertEquals(7, available.get("edges").size());
        isn().runAt(root, "dot", "nvi").assertExit(1);

        boolean graphviz = Files.isExecutable(Path.of("/usr/bin/dot"));
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(graphviz, "CI=true: graphviz's dot is needed (packaging/test.sh installs it)");
        }
        assumeTrue(graphviz, "graphviz is not installed");
        Path gv = Files.writeString(tmp.resolve("vim.gv"), r.stdout());
        Process p = new ProcessBuilder("/usr/bin/dot", "-Tsvg", gv.toString()).redirectErrorStream(true).start();
        String svg = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), svg);
        assertTrue(svg.contains("<svg"), svg);
        assertTrue(svg.contains("<title>" + vim + "&#45;&gt;vim&#45;doc&#45;9.0.2127&#45;r0</title>")
                || svg.contains("<title>" + vim.replace("-", "&#45;") + "&#45;&gt;vim&#45;doc&#45;9.0.2127&#45;r0</title>"),
                svg);
    }

    @Test
    void checkExplainsEveryPackageThatCannotBeInstalledOnItsOwn() throws Exception {
        sample = SignedRepo.sample(tmp.resolve("sample"));
        Path trusted = sample.trusted;
        try (NginxServer nginx = NginxServer.start(sample.repo)) {
            IsnResult ok = isn().run("--keys-dir", trusted.toString(), "check", "--json", nginx.baseUri().toString())
                    .assertSuccess();
            JsonNode doc = JSON.readTree(ok.stdout());
            assertEquals(13, doc.get("packages").asInt(), ok::describe);
            assertEquals(13, doc.get("checked").asInt());
            assertTrue(doc.get("ok").asBoolean());
            assertEquals(0, doc.get("not_installable").size());
        }
        Path broken = repoWith("broken", info("lonely", "1.0-r0", "libmissing"), info("clash", "1.0-r0", "vim !xxd"));
        for (Path f : Files.list(sample.repo).filter(f -> f.toString().endsWith(".isn")).toList()) {
            Files.copy(f, broken.resolve(f.getFileName()));
        }
        index(broken);
        IsnResult bad = isn().run("--keys-dir", trusted.toString(), "check", broken.toString()).assertExit(1);
        List<String> heads = bad.stdout().lines().filter(l -> !l.startsWith(" ")).toList();
        assertEquals(List.of("clash-1.0-r0 cannot be installed:", "lonely-1.0-r0 cannot be installed:"), heads,
                bad::describe);
        assertTrue(bad.stdout().contains("libmissing"), bad::describe);
        assertTrue(bad.stderr().contains("15 packages, 15 checked for x86_64, 2 not installable"), bad::describe);
        JsonNode json = JSON.readTree(isn().run("--keys-dir", trusted.toString(), "check", "--json",
                broken.toUri().toString()).assertExit(1).stdout());
        assertEquals("clash", json.at("/not_installable/0/name").asText(), json::toString);
        assertEquals("DECLARED_CONFLICT", json.at("/not_installable/0/explanation/cause").asText());
        assertEquals("NOT_IN_INDEX", json.at("/not_installable/1/explanation/cause").asText());
        assertEquals("libmissing", json.at("/not_installable/1/explanation/name").asText());

        Path nobody = Files.createDirectories(tmp.resolve("no-keys"));
        IsnResult untrusted = isn().run("--keys-dir", nobody.toString(), "check", broken.toString()).assertExit(4);
        assertEquals("", untrusted.stdout(), untrusted::describe);
        IsnResult missing = isn().run("--keys-dir", trusted.toString(), "check", tmp.resolve("missing").toString())
                .assertExit(1);
        assertTrue(missing.stderr().contains("no index at " + tmp.resolve("missing")), missing::describe);
    }
}
