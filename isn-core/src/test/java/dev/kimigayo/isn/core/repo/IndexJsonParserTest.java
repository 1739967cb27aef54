package dev.kimigayo.isn.core.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexJsonParserTest {

    private static String valid() throws Exception {
        return new String(IndexJsonWriter.write(IndexFixtures.index(5, Duration.ofDays(7))), StandardCharsets.UTF_8);
    }

    private static MalformedIndexException refuse(String text) {
        return assertThrows(MalformedIndexException.class,
                () -> IndexJsonParser.parse(text.getBytes(StandardCharsets.UTF_8), "repo/index.json"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "duplicate key          | \"serial\": 5,                 | \"serial\": 5, \"serial\": 6,  | Duplicate field 'serial'",
        "serial as string       | \"serial\": 5,                 | \"serial\": \"5\",             | field 'serial' must be an integer but is a string",
        "negative serial        | \"serial\": 5,                 | \"serial\": -5,                | field 'serial' is -5",
        "fractional serial      | \"serial\": 5,                 | \"serial\": 5.0,               | field 'serial' must be an integer but is a decimal number",
        "huge serial            | \"serial\": 5,                 | \"serial\": 99999999999999999999, | not an integer from 0 to 2^63-1",
        "missing serial         | \"serial\": 5,                 | ''                             | required field 'serial' is missing",
        "wrong format           | \"isn-index\"                  | \"apk-index\"                  | field 'format' is 'apk-index', not 'isn-index'",
        "newer format           | \"format_version\": 1          | \"format_version\": 2          | index format version 2 is newer than the supported version 1",
        "zero format            | \"format_version\": 1          | \"format_version\": 0          | field 'format_version' is 0",
        "local time             | \"2026-11-27T08:30:00Z\"       | \"2026-11-27T08:30:00+01:00\"  | not an RFC 3339 UTC time",
        "fractional time        | \"2026-11-27T08:30:00Z\"       | \"2026-11-27T08:30:00.5Z\"     | not an RFC 3339 UTC time",
        "impossible date        | \"2026-11-27T08:30:00Z\"       | \"2026-02-30T08:30:00Z\"       | is not a valid time",
        "expires before         | \"2026-12-04T08:30:00Z\"       | \"2026-11-27T08:29:59Z\"       | 'expires' (2026-11-27T08:29:59Z) is not after 'generated'",
        "repository no name     | \"name\":\"sample\",             | ''                           | field 'repository.name' is missing or empty",
        "packages not array     | \"packages\": [                | \"packages\": {\"x\":[          | field 'packages' must be an array but is an object",
        "dangerous file name    | \"file\":\"musl-1.2.5-r0.isn\"   | \"file\":\"../musl.isn\"       | invalid file fields: not a package file name: ../musl.isn",
        "slash in file name     | \"file\":\"musl-1.2.5-r0.isn\"   | \"file\":\"a/musl.isn\"        | not a package file name: a/musl.isn",
        "duplicate file         | \"file\":\"musl-1.2.5-r0.isn\"   | \"file\":\"vim-9.0.2127-r0.isn\" | file 'vim-9.0.2127-r0.isn' is listed twice",
        "upper case hash        | \"file_sha256\":\"0000000000000000000000000000000000000000000000000000000000000004\" | \"file_sha256\":\"000000000000000000000000000000000000000000000000000000000000000A\" | not a lower-case hex SHA-256",
        "missing file size      | \"file_size\":1004,            | ''                             | required field 'file_size' is missing",
        "invalid version        | \"version\":\"1.2.5-r0\"         | \"version\":\"1.2.5-rX\"       | invalid PKGINFO values",
        "bad constraint         | \"so:libncursesw.so.6\"        | \"so:lib ncursesw\"            | invalid depends",
        "depends not array      | \"depends\":[\"vim-common=9.0.2127-r0\",\"so:libncursesw.so.6\",\"!nvi\"] | \"depends\":\"vim-common\" | packages[3].depends must be an array of strings but is a string",
        "number in list         | \"!nvi\"                       | 7                              | packages[3].depends[2] must be a string but is an integer",
        "null value             | \"license\":\"Vim\"              | \"license\":null               | packages[3].license must be a string but is null",
    })
    void refusesWithSpecificMessage(String name, String from, String to, String expected) throws Exception {
        String text = valid();
        assertTrue(text.contains(from), "fixture lacks " + from);
        MalformedIndexException e = refuse(text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("repo/index.json"), e.getMessage());
        assertEquals(expected.startsWith("index format version") ? "index-unsupported-format" : "index-malformed", e.code());
    }

    @Test
    void refusesTrailingDataBomAndTruncation() throws Exception {
        assertTrue(refuse(valid() + "{}").getMessage().contains("after the end of the document"));
        assertTrue(refuse("\uFEFF" + valid()).getMessage().contains("does not start with '{'"));
        String text = valid();
        assertTrue(refuse(text.substring(0, text.length() / 2)).getMessage().contains("invalid JSON"));
        assertTrue(refuse("[]").getMessage().contains("does not start with '{'"));
    }

    @Test
    void refusesInvalidUtf8() throws Exception {
        byte[] bytes = valid().getBytes(StandardCharsets.UTF_8);
        int at = valid().indexOf("Sample repository");
        bytes[at] = (byte) 0xC3; // a lead byte followed by ASCII
        MalformedIndexException e = assertThrows(MalformedIndexException.class, () -> IndexJsonParser.parse(bytes, "x"));
        assertTrue(e.getMessage().contains("Invalid UTF-8"), e.getMessage());
    }

    @Test
    void refusesOversizeIndexBeforeParsing() {
        MalformedIndexException e = assertThrows(MalformedIndexException.class,
                () -> IndexJsonParser.parse(new byte[IndexJsonParser.MAX_SIZE + 1], "big.json"));
        assertEquals("index-too-large", e.code());
    }

    @Test
    void anIndexOfExactlyTheCapIsParsedNotRefusedForItsSize() {
        byte[] json = new byte[IndexJsonParser.MAX_SIZE];
        java.util.Arrays.fill(json, (byte) ' ');
        MalformedIndexException e = assertThrows(MalformedIndexException.class, () -> IndexJsonParser.parse(json, "blank.json"));
        assertEquals("index-malformed", e.code(), e.getMessage());
    }

    @Test
    void anIndexFileOneByteOverTheCapIsRefusedWithoutReadingItAll(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("index.json");
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), IndexJsonParser.MAX_SIZE); // sparse: MAX_SIZE + 1 bytes
        }
        MalformedIndexException e = assertThrows(MalformedIndexException.class,
                () -> IndexReader.readCapped(file, IndexJsonParser.MAX_SIZE, file.toString()));
        assertEquals("index-too-large", e.code());
        assertTrue(e.getMessage().contains("limit of " + IndexJsonParser.MAX_SIZE + " bytes"), e.getMessage());
    }

    @Test
    void peekSerialReadsOnlyTheEnvelope() throws Exception {
        assertEquals(5, IndexJsonParser.peekSerial(valid().getBytes(StandardCharsets.UTF_8), "x"));
        MalformedIndexException e = assertThrows(MalformedIndexException.class,
                () -> IndexJsonParser.peekSerial("garbage".getBytes(StandardCharsets.UTF_8), "old/index.json"));
        assertEquals("index-previous-unreadable", e.code());
        assertTrue(e.getMessage().contains("old/index.json"), e.getMessage());
    }
}
