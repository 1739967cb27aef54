package dev.kimigayo.isn.e2e.engine;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.harness.IsnResult;

/** Config protection (.isn-new on upgrade, .isn-save on removal) and .INSTALL scripts run chrooted. */
class ConfigAndScriptsE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static IsnResult at(Path root, String... args) throws Exception {
        return isn().runAt(root, args);
    }

    private static String pkginfo(String name, String version, String extra) {
        return "name = " + name + "\nversion = " + version + "\narchitecture = noarch\n" + extra;
    }

    @Test
    void changedConfigIsKeptOnUpgradeAndSavedOnRemoval() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        repo.pack(SignedRepo.source(tmp.resolve("app1"), pkginfo("app", "1.0-r0", "config = etc/app.conf\n"),
                "etc/app.conf", "setting = 1\n", "usr/bin/app", "app 1\n"));
        Thread.sleep(1100);
        repo.index();
        Path root = tmp.resolve("root");
        at(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "install", "app").assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        Files.writeString(root.resolve("etc/app.conf"), "setting = mine\n");

        repo.pack(SignedRepo.source(tmp.resolve("app2"), pkginfo("app", "2.0-r0", "config = etc/app.conf\n"),
                "etc/app.conf", "setting = 2\n", "usr/bin/app", "app 2\n"));
        Thread.sleep(1100);
        repo.index();
        IsnResult up = at(root, "upgrade").assertSuccess();
        assertTrue(up.stderr().contains("kept it, wrote the new version as /etc/app.conf.isn-new"), up.stderr());
        assertEquals("setting = mine\n", Files.readString(root.resolve("etc/app.conf")));
        assertEquals("setting = 2\n", Files.readString(root.resolve("etc/app.conf.isn-new")));
        assertEquals("app 2\n", Files.readString(root.resolve("usr/bin/app")));

        at(root, "remove", "app").assertSuccess();
        assertEquals("setting = mine\n", Files.readString(root.resolve("etc/app.conf.isn-save")));
        assertTrue(Files.notExists(root.resolve("etc/app.conf")));
        assertTrue(Files.notExists(root.resolve("usr/bin/app")));
    }

    /** Copies the host's dash and the two libraries it needs into the root, so scripts can run chrooted. */
    private static void chrootShell(Path root) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "chroot needs root");
        Map<String, String> files = Map.of("bin/dash", "bin/sh", "lib/x86_64-linux-gnu/libc.so.6",
                "lib/x86_64-linux-gnu/libc.so.6", "lib64/ld-linux-x86-64.so.2", "lib64/ld-linux-x86-64.so.2");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Assumptions.assumeTrue(Files.exists(Path.of("/" + f.getKey())), "no /" + f.getKey());
            Path t = root.resolve(f.getValue());
            Files.createDirectories(t.getParent());
            Files.copy(Path.of("/" + f.getKey()), t, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void failingPreScriptChangesNothingAndFailingPostScriptIsRecordedAndRerunByFix() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path bad = SignedRepo.source(tmp.resolve("badpre"), pkginfo("badpre", "1.0-r0", ""), "usr/share/badpre", "x\n");
        Files.writeString(bad.resolve(".INSTALL"), "pre_install() { echo 'badpre: refusing'; return 4; }\n");
        repo.pack(bad);
        Path post = SignedRepo.source(tmp.resolve("badpost"), pkginfo("badpost", "1.0-r0", ""), "usr/share/badpost", "y\n");
        Files.writeString(post.resolve(".INSTALL"),
                "post_install() { [ -e /ok ] && exit 0; echo 'badpost: not yet'; return 3; }\n");
        repo.pack(post);
        Thread.sleep(1100);
        repo.index();
        Path root = tmp.resolve("root");
        at(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "update").assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        chrootShell(root);
        Map<String, String> before = RootTree.of(root);

        IsnResult r = at(root, "install", "--json", "badpre").assertExit(1);
        assertEquals("script-failed", JSON.readTree(r.stdout()).get("error").get("code").asText());
        assertTrue(r.stderr().contains("badpre: refusing"), r.stderr());
        assertEquals(before, RootTree.of(root));
        assertEquals(List.of(), RootTree.leftovers(root));

        IsnResult p = at(root, "install", "--json", "badpost").assertExit(1);
        JsonNode doc = JSON.readTree(p.stdout());
        assertEquals("post_install", doc.get("failed_scripts").get(0).get("script").asText());
        assertEquals(3, doc.get("failed_scripts").get(0).get("exit_code").asInt());
        assertTrue(Files.exists(root.resolve("usr/share/badpost")), "a failing post-script keeps the package");
        at(root, "fix").assertExit(1);
        Files.writeString(root.resolve("ok"), "");
        IsnResult fixed = at(root, "fix", "--json").assertSuccess();
        assertEquals(0, JSON.readTree(fixed.stdout()).get("reran_scripts").get(0).get("exit_code").asInt());
        at(root, "fix").assertSuccess();
    }

    @Test
    void fixRerunsAFailedPostUpgradeWithTheArgumentsOfItsFirstRun() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        String script = "post_upgrade() { echo \"$*\" >> /upgrade-args; [ -e /ok ] || return 7; }\n";
        Path v1 = SignedRepo.source(tmp.resolve("rec1"), pkginfo("rec", "1.0-r0", ""), "usr/share/rec", "1\n");
        Files.writeString(v1.resolve(".INSTALL"), script);
        repo.pack(v1);
        Thread.sleep(1100);
        repo.index();
        Path root = tmp.resolve("root");
        at(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "update").assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        chrootShell(root);
        at(root, "install", "rec").assertSuccess();
        Path v2 = SignedRepo.source(tmp.resolve("rec2"), pkginfo("rec", "2.0-r0", ""), "usr/share/rec", "2\n");
        Files.writeString(v2.resolve(".INSTALL"), script);
        repo.pack(v2);
        Thread.sleep(1100);
        repo.index();

        IsnResult up = at(root, "upgrade", "--json").assertExit(1);
        assertEquals("post_upgrade", JSON.readTree(up.stdout()).get("failed_scripts").get(0).get("script").asText());
        assertEquals("2.0-r0 1.0-r0\n", Files.readString(root.resolve("upgrade-args")));

        Files.writeString(root.resolve("ok"), "");
        IsnResult fixed = at(root, "fix", "--json").assertSuccess();
        JsonNode rerun = JSON.readTree(fixed.stdout()).get("reran_scripts").get(0);
        assertEquals("post_upgrade", rerun.get("script").asText());
        assertEquals("[\"2.0-r0\",\"1.0-r0\"]", rerun.get("args").toString());
        assertEquals(0, rerun.get("exit_code").asInt());
        assertEquals("2.0-r0 1.0-r0\n2.0-r0 1.0-r0\n", Files.readString(root.resolve("upgrade-args")),
                "the rerun got NEW OLD, as the first run did");
        assertEquals(0, JSON.readTree(at(root, "fix", "--json").assertSuccess().stdout()).get("reran_scripts").size());
    }
}
