package dev.kimigayo.isn.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SignatureFormatTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void encodesTheDocumentedFourLines() {
        Ed25519SecretKey k = Keys.rfc1();
        String file = new String(k.sign(new byte[0]).encode(), StandardCharsets.UTF_8);
        byte[] payload = new byte[74];
        payload[0] = 'E';
        payload[1] = 'd';
        System.arraycopy(Keys.hex("0102030405060708"), 0, payload, 2, 8);
        System.arraycopy(Keys.hex(Keys.RFC1_SIG_EMPTY), 0, payload, 10, 64);
        String[] lines = file.split("\n", -1);
        assertEquals(5, lines.length, file);
        assertEquals("untrusted comment: signature from isn key 0102030405060708", lines[0]);
        assertEquals(Base64.getEncoder().encodeToString(payload), lines[1]);
        assertEquals("trusted comment: isn signature, key 0102030405060708", lines[2]);
        assertEquals(88, lines[3].length());
        assertEquals("", lines[4]);
    }

    @Test
    void decodeEncodeRoundTripsBothForms() throws Exception {
        Ed25519SecretKey k = Keys.rfc1();
        Ed25519Signature full = k.sign(new byte[] {1});
        assertArrayEquals(full.encode(), Ed25519Signature.decode(full.encode()).encode());
        Ed25519Signature bare = new Ed25519Signature(k.keyId(), full.bytes());
        String two = new String(bare.encode(), StandardCharsets.UTF_8);
        assertEquals(2, two.split("\n").length);
        Ed25519Signature back = Ed25519Signature.decode(bare.encode());
        assertTrue(back.trustedComment().isEmpty());
        k.publicKey().verify(new byte[] {1}, back);
    }

    private static String validTwoLines() {
        return new String(new Ed25519Signature(Keys.rfc1().keyId(), Keys.hex(Keys.RFC1_SIG_EMPTY)).encode(),
                StandardCharsets.UTF_8);
    }

    private static void assertMalformed(String file, String problem) {
        MalformedSignatureException e = assertThrows(MalformedSignatureException.class,
                () -> Ed25519Signature.decode(utf8(file), "x.sig"));
        assertEquals(problem, e.problem());
        assertEquals("x.sig: " + problem, e.getMessage());
        assertEquals("x.sig", e.source());
    }

    @Test
    void refusesEveryMalformedShape() {
        String ok = validTwoLines();
        String b64 = ok.split("\n")[1];
        assertMalformed("", "file is empty");
        assertMalformed(ok.substring(0, ok.length() - 1), "line 2 (signature) is not terminated by a newline (LF)");
        assertMalformed(ok.replace("\n", "\r\n"),
                "line 1 (untrusted comment) ends with CR: Windows line endings are not allowed, use LF only");
        assertMalformed(ok.replace("untrusted comment: ", "comment: "),
                "line 1 (untrusted comment) must start with 'untrusted comment: '");
        assertMalformed("untrusted comment: \n" + b64 + "\n",
                "line 1 (untrusted comment) is empty (signify requires a comment)");
        assertMalformed("untrusted comment: " + "c".repeat(1024) + "\n" + b64 + "\n",
                "line 1 (untrusted comment) is longer than 1023 bytes");
        assertMalformed("untrusted comment: x\n" + b64.substring(4) + "\n",
                "line 2 (signature) decodes to 71 bytes, expected 74");
        assertMalformed("untrusted comment: x\n" + b64.replace('=', '!') + "\n",
                "line 2 (signature) is not valid base64: Illegal base64 character 21");
        assertMalformed("untrusted comment: x\n" + b64.substring(0, b64.length() - 1) + "\n",
                "line 2 (signature) is not canonical padded base64");
        assertMalformed(ok + "junk\n", "line 3 (trusted comment) must start with 'trusted comment: '");
        assertMalformed(ok + "trusted comment: t\nAAAA\n", "line 4 (trusted comment signature) decodes to 3 bytes, expected 64");
        assertMalformed("x".repeat(5000), "file is larger than 4096 bytes, too large for a key or signature file");
    }

    @Test
    void refusesNonCanonicalBase64AndForeignAlgorithms() {
        String ok = validTwoLines();
        String b64 = ok.split("\n")[1];
        // 74 bytes leave two spare bits in the last character; setting one is non-canonical.
        char last = b64.charAt(b64.length() - 2);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char twisted = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertMalformed("untrusted comment: x\n" + b64.substring(0, b64.length() - 2) + twisted + "=\n",
                "line 2 (signature) is not canonical padded base64");
        byte[] payload = Base64.getDecoder().decode(b64);
        payload[1] = 'D';
        assertMalformed("untrusted comment: x\n" + Base64.getEncoder().encodeToString(payload) + "\n",
                "line 2 (signature): algorithm is not 'Ed' (pure Ed25519); minisign's prehashed 'ED'"
                        + " signatures are not supported, sign with minisign -l");
    }

    @Test
    void refusesDataAfterTheFourthLine() {
        String full = new String(Keys.rfc1().sign(new byte[0]).encode(), StandardCharsets.UTF_8);
        assertMalformed(full + "\n", "unexpected data after line 4");
    }
}
