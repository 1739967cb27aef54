package dev.kimigayo.isn.e2e.consist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.engine.RootTree;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * A validly signed index that lists other metadata than the validly signed package it names,
 * file conflicts, and messages in words: exit codes, messages, and nothing changed.
 */
class IndexConsistencyE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    java.nio.file.Path tmp;

    private Fixture hello() throws Exception {
        Fixture f = new Fixture(tmp);
        f.pack("hello", Fixture.HELLO, "usr/share/hello/greeting", "hi\n");
        f.index();
        return f;
    }

    @Test
    void indexVersionOtherThanThePackagesIsRefusedBeforeAnythingChanges() throws Exception {
        Fixture f = hello();
        f.forgeIndex("\"version\":\"0.1-r0\"", "\"version\":\"9.0-r0\"");
        f.init();
        Map<String, String> before = RootTree.withState(f.root);
        IsnResult r = f.at("install", "--json", "hello").assertExit(4);
        JsonNode error = JSON.readTree(r.stdout()).get("error");
        assertEquals("index-mismatch", error.get("code").asText(), r.describe());
        String message = error.get("message").asText();
        for (String part : List.of("version 9.0-r0", "0.1-r0", "hello-0.1-r0.isn", f.url())) {
            assertTrue(message.contains(part), "message names " + part + ": " + message);
        }
        assertTrue(r.stderr().contains("the index says version 9.0-r0 but the package's signed PKGINFO says 0.1-r0"),
                r.stderr());
        assertEquals(before, RootTree.withState(f.root), "root and database unchanged");
        assertFalse(Files.exists(f.root.resolve("usr/share/hello")));

        IsnResult v = dev.kimigayo.isn.e2e.harness.IsnProcess.isn()
                .run("verify", "--keys-dir", f.trusted.toString(), f.repo.resolve("index.json").toString()).assertExit(4);
        assertTrue(v.stdout().contains("FAILED") && v.stdout().contains("(index-mismatch)"), v.describe());
        assertTrue(v.stderr().contains("version 9.0-r0"), v.describe());
    }

    @Test
    void indexNameOtherThanThePackagesIsRefusedWithBothNames() throws Exception {
        Fixture f = hello();
        f.forgeIndex("\"name\":\"hello\"", "\"name\":\"hallo\"");
        f.init();
        Map<String, String> before = RootTree.withState(f.root);
        IsnResult r = f.at("install", "hallo").assertExit(4);
        assertTrue(r.stderr().contains("the index says name hallo but the package's signed PKGINFO says hello"),
                r.describe());
        assertFalse(r.stderr().contains("NoSuchFile"), r.stderr());
        assertEquals(before, RootTree.withState(f.root));
    }

    @Test
    void indexDependenciesOtherThanThePackagesAreRefused() throws Exception {
        Fixture f = new Fixture(tmp);
        f.pack("base", "name = base\nversion = 1-r0\narchitecture = noarch\n", "etc/base", "b\n");
        f.pack("hello", Fixture.HELLO + "depends = base\n", "usr/share/hello/greeting", "hi\n");
        f.index();
        f.forgeIndex(",\"depends\":[\"base\"]", "");
        f.init();
        Map<String, String> before = RootTree.withState(f.root);
        IsnResult r = f.at("install", "hello").assertExit(4);
        assertTrue(r.stderr().contains("the index says depends (none) but the package's signed PKGINFO says [base]"),
                r.describe());
        assertEquals(before, RootTree.withState(f.root));
    }

    @Test
    void anHonestIndexVerifiesWithItsPackagesBesideIt() throws Exception {
        Fixture f = hello();
        IsnResult v = dev.kimigayo.isn.e2e.harness.IsnProcess.isn().run("--verbose", "verify", "--keys-dir",
                f.trusted.toString(), f.repo.resolve("index.json").toString()).assertSuccess();
        assertTrue(v.stderr().contains("1 package files checked against it"), v.describe());
    }

    @Test
    void fileConflictWithAnotherPackageExits3NamingThePath() throws Exception {
        Fixture f = new Fixture(tmp);
        f.pack("one", "name = one\nversion = 1-r0\narchitecture = noarch\n", "usr/share/same", "1\n");
        f.pack("two", "name = two\nversion = 1-r0\narchitecture = noarch\n", "usr/share/same", "2\n");
        f.index();
        f.init();
        f.at("install", "one").assertSuccess();
        Map<String, String> before = RootTree.withState(f.root);
        IsnResult r = f.at("install", "--json", "two").assertExit(3);
        JsonNode error = JSON.readTree(r.stdout()).get("error");
        assertEquals("file-conflict", error.get("code").asText());
        assertEquals("conflict", error.get("kind").asText());
        assertTrue(error.get("message").asText().contains("/usr/share/same"), error.toString());
        assertEquals(before, RootTree.withState(f.root));
    }

    @Test
    void fileWhereTheRootHasADirectoryExits3() throws Exception {
        Fixture f = new Fixture(tmp);
        f.pack("one", "name = one\nversion = 1-r0\narchitecture = noarch\n", "usr/share/thing", "1\n");
        f.index();
        f.init();
        Files.createDirectories(f.root.resolve("usr/share/thing/inside"));
        Map<String, String> before = RootTree.withState(f.root);
        IsnResult r = f.at("install", "one").assertExit(3);
        assertTrue(r.stderr().contains("/usr/share/thing"), r.describe());
        assertEquals(before, RootTree.withState(f.root));
    }

    @Test
    void aMissingLocalPackageIsNamedInWordsNotJavaClasses() throws Exception {
        Fixture f = hello();
        f.init();
        IsnResult r = f.at("install", tmp.resolve("absent-1.0-r0.isn").toString());
        assertTrue(r.exitCode() != 0 && r.exitCode() != 70, r.describe());
        assertTrue(r.stderr().contains("absent-1.0-r0.isn"), r.describe());
        assertFalse(r.stderr().matches("(?s).*(NoSuchFile|AccessDenied|Exception).*"), r.describe());
    }
}
