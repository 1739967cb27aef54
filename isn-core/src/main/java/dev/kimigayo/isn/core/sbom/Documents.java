package dev.kimigayo.isn.core.sbom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a document (two-space indent, {@code \n}, members in insertion order, a final newline)
 * and names it deterministically: the same content always gets the same identifier.
 */
final class Documents {

    /** RFC 4122's URL namespace, under which isn's name-based document identifiers are made. */
    private static final UUID NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    private static final ObjectWriter WRITER = writer();

    private Documents() {
    }

    private static ObjectWriter writer() {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent);
        return new ObjectMapper().writer(printer);
    }

    /** The bytes of {@code doc}, UTF-8, ending with a newline. */
    static byte[] render(ObjectNode doc) {
        try {
            return (WRITER.writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    /**
     * A name-based (version 5) UUID of {@code doc}'s rendering: derived from the content, so two runs
     * over the same root (and the same SOURCE_DATE_EPOCH) give the same serial number or namespace,
     * and any change of content a different one. The caller renders {@code doc} with the identifier
     * member still empty.
     */
    static UUID contentId(ObjectNode doc) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1"); // what RFC 4122 prescribes for version 5, not a security use
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                .putLong(NAMESPACE.getLeastSignificantBits());
        sha1.update(ns.array());
        sha1.update("isn-sbom:".getBytes(StandardCharsets.UTF_8));
        byte[] h = sha1.digest(render(doc));
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
