package dev.kimigayo.isn.core.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class HmacSha256Test {

    private static String hex(HmacSha256 mac) {
        return HexFormat.of().formatHex(mac.doFinal());
    }

    private static HmacSha256 of(byte[] key, byte[] data) {
        HmacSha256 mac = new HmacSha256(key);
        mac.update(data, 0, data.length);
        return mac;
    }

    @Test
    void matchesTheRfc4231Vectors() {
        byte[] key1 = new byte[20];
        Arrays.fill(key1, (byte) 0x0b);
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                hex(of(key1, "Hi There".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                hex(of("Jefe".getBytes(StandardCharsets.US_ASCII),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))));
        byte[] key6 = new byte[131]; // longer than a block: hashed first
        Arrays.fill(key6, (byte) 0xaa);
        assertEquals("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                hex(of(key6, "Test Using Larger Than Block-Size Key - Hash Key First"
                        .getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void agreesWithTheJdkMacForAnyKeyAndSplitOfTheInput() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] key = new byte[random.nextInt(150)];
            byte[] data = new byte[random.nextInt(5000)];
            random.nextBytes(key);
            random.nextBytes(data);
            Mac jdk = Mac.getInstance("HmacSHA256");
            jdk.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            if (key.length == 0) {
                key = new byte[1]; // the JDK refuses an empty key; one zero byte pads to the same block
            }
            HmacSha256 mine = new HmacSha256(key);
            int cut = data.length == 0 ? 0 : random.nextInt(data.length);
            mine.update(data, 0, cut);
            if (cut < data.length) {
                mine.update(data[cut]);
                mine.update(data, cut + 1, data.length - cut - 1);
            }
            assertArrayEquals(jdk.doFinal(data), mine.doFinal(), "key " + key.length + " data " + data.length);
        }
    }
}
