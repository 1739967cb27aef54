package dev.kimigayo.isn.e2e.real;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * Modes and owners declared in PKGATTRS survive pack, install as root and fix: a setuid-root
 * binary stays 4755 (owner first, then mode), a sticky directory 1777, a 0440 file, a group-42
 * file, a setgid directory of group 50; fix repairs a changed mode and a changed directory group
 * in place. Installing without root warns once per transaction, not once per file.
 */
class AttributesE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path repo;
    private Path trusted;

    private void makeRepo() throws Exception {
        Path src = tmp.resolve("src/attrs");
        Files.createDirectories(src.resolve("bin"));
        Files.createDirectories(src.resolve("tmp"));
        Files.createDirectories(src.resolve("etc/sudoers.d"));
        Files.createDirectories(src.resolve("var/local"));
        Files.writeString(src.resolve("bin/su"), "#!/bin/sh\n");
        Files.writeString(src.resolve("etc/sudoers.d/README"), "read me\n");
        Files.writeString(src.resolve("etc/gshadow"), "root:*::\n");
        Files.writeString(src.resolve("PKGINFO"), "name = attrs\nversion = 1-r0\narchitecture = noarch\n"
                + "description = attribute test\nsetuid = bin/su var/local\n");
        Files.writeString(src.resolve("PKGATTRS"), "4755 0 0 bin/su\n1777 0 0 tmp\n0440 0 0 etc/sudoers.d/README\n"
                + "0640 0 42 etc/gshadow\n2775 0 50 var/local\n0755 0 0 bin\n0755 0 0 etc\n0755 0 0 etc/sudoers.d\n"
                + "0755 0 0 var\n");
        Path keys = tmp.resolve("keys");
        trusted = Files.createDirectories(tmp.resolve("trusted"));
        repo = tmp.resolve("repo");
        isn().run("keygen", "t", "-o", keys.toString()).assertSuccess();
        Files.copy(keys.resolve("t.pub"), trusted.resolve("t.pub"));
        isn().run("pack", src.toString(), "-o", repo.toString(), "--key", keys.resolve("t.sec").toString()).assertSuccess();
        isn().run("index", repo.toString(), "--key", keys.resolve("t.sec").toString()).assertSuccess();
    }

    private static String attrs(Path p) throws Exception {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        return String.format("%04o %d:%d", (Integer) a.get("mode") & 07777, a.get("uid"), a.get("gid"));
    }

    @Test
    void rootInstallReproducesEveryBitAndFixRepairsThem() throws Exception {
        DebianInstallE2ETest.requireTools();
        makeRepo();
        Path root = tmp.resolve("root");
        IsnResult r = isn().runAt(root, "--initdb", "--keys-dir", trusted.toString(), "-X", "file://" + repo,
                "install", "attrs").assertSuccess();
        assertTrue(!r.stderr().contains("not running as root"), r::describe);
        assertEquals("4755 0:0", attrs(root.resolve("bin/su")));
        assertEquals("1777 0:0", attrs(root.resolve("tmp")));
        assertEquals("0440 0:0", attrs(root.resolve("etc/sudoers.d/README")));
        assertEquals("0640 0:42", attrs(root.resolve("etc/gshadow")));
        assertEquals("2775 0:50", attrs(root.resolve("var/local")));
        assertEquals(0, JSON.readTree(isn().runAt(root, "fix", "--json").assertSuccess().stdout()).path("damaged").size());

        Files.setAttribute(root.resolve("bin/su"), "unix:mode", 0755);
        Files.setAttribute(root.resolve("var/local"), "unix:gid", 0);
        Files.setAttribute(root.resolve("tmp"), "unix:mode", 0755);
        IsnResult fix = isn().runAt(root, "fix", "--json").assertSuccess();
        List<String> damage = new ArrayList<>();
        for (JsonNode d : JSON.readTree(fix.stdout()).path("damaged")) {
            damage.add(d.path("path").asText() + " " + d.path("problem").asText());
        }
        assertEquals(List.of("/bin/su mode", "/tmp mode", "/var/local owner"), damage, fix::describe);
        assertEquals("4755 0:0", attrs(root.resolve("bin/su")));
        assertEquals("1777 0:0", attrs(root.resolve("tmp")));
        assertEquals("2775 0:50", attrs(root.resolve("var/local")));
        assertEquals(0, JSON.readTree(isn().runAt(root, "fix", "--json").assertSuccess().stdout()).path("damaged").size());
    }

    @Test
    void unprivilegedInstallWarnsOncePerTransaction() throws Exception {
        DebianInstallE2ETest.requireTools();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        makeRepo();
        Path root = Files.createDirectories(tmp.resolve("user-root"));
        for (Path p : List.of(tmp, root)) {
            Files.setAttribute(p, "unix:mode", 0777);
        }
        // The same launcher, as user nobody: only the root directory is writable for it.
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                dev.kimigayo.isn.e2e.harness.IsnProcess.launcher().toString(), "--root", root.toString(), "--initdb",
                "--keys-dir", trusted.toString(), "-X", "file://" + repo, "install", "attrs"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HOME", root.toString());
        pb.environment().put("ISN_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        assertEquals(1, err.split("not running as root", -1).length - 1, err);
        assertEquals("4755 65534:65534", attrs(root.resolve("bin/su")));
        assertEquals("1777 65534:65534", attrs(root.resolve("tmp")));
        assertEquals("0440 65534:65534", attrs(root.resolve("etc/sudoers.d/README")));
    }
}
