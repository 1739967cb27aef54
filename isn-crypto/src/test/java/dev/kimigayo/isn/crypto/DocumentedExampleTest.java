package dev.kimigayo.isn.crypto;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** docs/format-keys.md's worked example must be exactly what the code writes. */
class DocumentedExampleTest {

    @Test
    void docsShowTheFilesTheCodeWrites() throws Exception {
        String root = System.getProperty("isn.projectRoot");
        Assumptions.assumeTrue(root != null, "isn.projectRoot is not set (run through Maven); skipping doc check");
        Path doc = Path.of(root, "docs", "format-keys.md");
        Assumptions.assumeTrue(Files.exists(doc), doc + " is absent; skipping doc check");
        String text = Files.readString(doc);
        Ed25519SecretKey k = Keys.rfc1();
        String[] expected = {
            new String(KeyFiles.encodePublic(k.publicKey(), "example"), StandardCharsets.UTF_8),
            new String(KeyFiles.encodeSecret(k, "example"), StandardCharsets.UTF_8),
            new String(k.sign("hello\n".getBytes(StandardCharsets.UTF_8)).encode(), StandardCharsets.UTF_8),
        };
        for (String file : expected) {
            assertTrue(text.contains("```\n" + file + "```\n"), "docs/format-keys.md lacks:\n" + file);
        }
    }
}
