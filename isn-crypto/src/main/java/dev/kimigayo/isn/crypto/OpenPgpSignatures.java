package dev.kimigayo.isn.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/** Parses an OpenPGP detached-signature file into its document signatures. */
final class OpenPgpSignatures {

    private OpenPgpSignatures() {
    }

    static List<PGPSignature> parse(byte[] file, String source, int limit) throws MalformedSignatureException {
        if (file.length > limit) {
            throw new MalformedSignatureException(source, "larger than " + limit + " bytes; not a detached signature");
        }
        if (file.length == 0) {
            throw new MalformedSignatureException(source, "file is empty");
        }
        List<PGPSignature> out = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(file))) {
            collect(new BcPGPObjectFactory(in), out, source);
        } catch (IOException | RuntimeException e) {
            throw new MalformedSignatureException(source, "not an OpenPGP signature: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new MalformedSignatureException(source, "contains no OpenPGP signature");
        }
        return out;
    }

    private static void collect(BcPGPObjectFactory f, List<PGPSignature> out, String source)
            throws IOException, MalformedSignatureException {
        for (Object o; (o = f.nextObject()) != null; ) {
            if (o instanceof PGPCompressedData c) {
                try {
                    collect(new BcPGPObjectFactory(c.getDataStream()), out, source);
                } catch (PGPException e) {
                    throw new MalformedSignatureException(source, "bad compressed data: " + e.getMessage());
                }
            } else if (o instanceof PGPSignatureList list) {
                for (PGPSignature s : list) {
                    int type = s.getSignatureType();
                    if (type != PGPSignature.BINARY_DOCUMENT && type != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
                        throw new MalformedSignatureException(source, "signature of type 0x"
                                + Integer.toHexString(type) + " is not a document signature");
                    }
                    out.add(s);
                }
            } else {
                throw new MalformedSignatureException(source, "expected a detached signature, found "
                        + o.getClass().getSimpleName().replace("PGP", "OpenPGP "));
            }
        }
    }

    static String digestName(int algorithm) {
        return switch (algorithm) {
            case HashAlgorithmTags.MD5 -> "MD5";
            case HashAlgorithmTags.SHA1 -> "SHA1";
            case HashAlgorithmTags.RIPEMD160 -> "RIPEMD160";
            case HashAlgorithmTags.MD2 -> "MD2";
            case HashAlgorithmTags.TIGER_192 -> "TIGER192";
            case HashAlgorithmTags.HAVAL_5_160 -> "HAVAL-5-160";
            case HashAlgorithmTags.SHA224 -> "SHA224";
            case HashAlgorithmTags.SHA256 -> "SHA256";
            case HashAlgorithmTags.SHA384 -> "SHA384";
            case HashAlgorithmTags.SHA512 -> "SHA512";
            case HashAlgorithmTags.SHA3_256 -> "SHA3-256";
            case HashAlgorithmTags.SHA3_512 -> "SHA3-512";
            default -> "digest #" + algorithm;
        };
    }
}
