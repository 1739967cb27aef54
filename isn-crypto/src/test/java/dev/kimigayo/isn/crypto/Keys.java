package dev.kimigayo.isn.crypto;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Test keys: RFC 8032 test vectors and fresh random ones. */
final class Keys {

    static final String RFC1_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String RFC1_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String RFC1_SIG_EMPTY = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555f"
            + "b8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    static final String RFC2_SEED = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    static final String RFC2_PUBLIC = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    static final String RFC2_SIG_72 = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    private Keys() {
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static String hexOf(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static Ed25519SecretKey rfc1() {
        return new Ed25519SecretKey(KeyId.ofHex("0102030405060708"), hex(RFC1_SEED));
    }

    static Ed25519KeyPair fresh() {
        return Ed25519KeyPair.generate(new SecureRandom());
    }
}
