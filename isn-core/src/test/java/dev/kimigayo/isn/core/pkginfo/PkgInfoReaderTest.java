package dev.kimigayo.isn.core.pkginfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PkgInfoReaderTest {

    private static final String HEAD = "name = a\nversion = 1.0-r0\narchitecture = x86_64\n";

    private static MalformedPkgInfoException refuse(byte[] data) {
        return assertThrows(MalformedPkgInfoException.class, () -> PkgInfoReader.parse(data, "pkg/PKGINFO"));
    }

    private static MalformedPkgInfoException refuse(String text) {
        return refuse(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "duplicate single key|name = b|4|duplicate key 'name' (first on line 1); it may appear once",
        "upper-case name|origin = Vim|4|origin 'Vim' is not a valid package name",
        "invalid version in depends|depends = b>=1.0bc|4|depends 'b>=1.0bc', position 7: invalid version: unexpected 'c'",
        "bad line after good ones|license = MIT\\ndescription = x\\nfoo|6|expected 'key = value', found 'foo'",
        "no equals sign|just words|4|expected 'key = value', found 'just words'",
        "leading blank|'  url = x'|4|line starts with a blank",
        "empty value|description =|4|key 'description': empty value",
        "bad key|Name = a|4|invalid key 'Name'",
        "negative size|size = -1|4|size '-1' is not a decimal number",
        "leading zero|build_date = 0170|4|build_date '0170' is not a decimal number",
        "overflowing priority|provider_priority = 2147483648|4|provider_priority '2147483648' is not a decimal number",
        "short sha256|sha256 = abc|4|sha256 must be 64 lower-case hexadecimal digits, not 3 characters",
        "absolute config|config = /etc/a.conf|4|path '/etc/a.conf' is absolute",
        "dotdot setuid|setuid = usr/../bin/su|4|path 'usr/../bin/su' is not canonical",
        "config twice|config = etc/a\\nconfig = etc/b etc/a|5|config lists 'etc/a' twice",
        "slash in replaces|replaces = a/b|4|replaces 'a/b', position 1: unexpected '/' in name",
        "conflict in replaces|replaces = !a|4|replaces '!a' must be a package name with an optional version range",
        "versioned provide with >|provides = so:x>1|4|provides 'so:x>1', position 4: a provide may only use '='",
        "newer format|format = 2|4|format '2' is not understood by this isn",
        "url with space|url = http://a b|4|url 'http://a b' contains a space",
        "tab in value|description = a\tb|4|key 'description': tab character at column 2",
    })
    void refusesWithTheLine(String what, String extra, int line, String reason) {
        MalformedPkgInfoException e = refuse(HEAD + extra.replace("\\n", "\n") + "\n");
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.reason().startsWith(reason), e.reason());
        assertTrue(e.getMessage().startsWith("pkg/PKGINFO:" + line + ": "), e.getMessage());
        assertEquals("malformed-pkginfo", e.code());
    }

    @Test
    void refusesBadNamesVersionsAndArchitectures() {
        assertEquals("name 'A' is not a valid package name (lower-case [a-z0-9][a-z0-9._+-]*, at most 128 characters, no '..')",
                refuse("name = A\n").reason());
        assertEquals(1, refuse("name = a..b\n").line());
        assertEquals(1, refuse("name = a/b\n").line());
        assertEquals(1, refuse("name = " + "a".repeat(129) + "\n").line());
        MalformedPkgInfoException v = refuse("name = a\nversion = 1.0_foo\n");
        assertEquals(2, v.line());
        assertTrue(v.reason().startsWith("invalid version '1.0_foo': unknown suffix '_foo'"), v.reason());
        MalformedPkgInfoException arch = refuse("name = a\nversion = 1\narchitecture = i386\n");
        assertEquals("architecture 'i386' is not one of x86_64, aarch64, noarch", arch.reason());
        assertEquals(3, arch.line());
    }

    @Test
    void refusesMissingRequiredKeysNamingTheKey() {
        MalformedPkgInfoException e = refuse("name = a\narchitecture = noarch\n");
        assertEquals(0, e.line());
        assertEquals("pkg/PKGINFO: missing required key 'version'", e.getMessage());
        assertEquals("missing required key 'name'", refuse("").reason());
    }

    @Test
    void refusesInvalidUtf8NamingTheLineAndByte() {
        byte[] head = HEAD.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(head);
        b.writeBytes("description = ab".getBytes(StandardCharsets.UTF_8));
        b.write(0xc3);
        b.write(0x28);
        b.write('\n');
        MalformedPkgInfoException e = refuse(b.toByteArray());
        assertEquals(4, e.line());
        assertEquals("invalid UTF-8 at byte 17 of the line", e.reason());
        assertEquals("invalid UTF-8 at byte 1 of the line", refuse(new byte[] {(byte) 0xff, '\n'}).reason());
    }

    @Test
    void refusesControlAndBidiCharactersCarriageReturnsAndBom() {
        assertEquals("key 'description': control character U+0000 at column 2 of the value",
                refuse(HEAD + "description = a\u0000b\n").reason());
        assertEquals("key 'description': bidirectional control character U+202E at column 5 of the value",
                refuse(HEAD + "description = evil\u202Etxt.exe\n").reason());
        MalformedPkgInfoException cr = refuse("name = a\r\nversion = 1\r\n");
        assertEquals(1, cr.line());
        assertTrue(cr.reason().startsWith("carriage return"), cr.reason());
        byte[] bom = ("\uFEFF" + HEAD).getBytes(StandardCharsets.UTF_8);
        assertTrue(refuse(bom).reason().startsWith("byte order mark"));
    }

    @Test
    void refusesOversizeFilesBeforeReadingThem() {
        byte[] big = new byte[PkgInfoReader.MAX_SIZE + 1];
        java.util.Arrays.fill(big, (byte) '#');
        MalformedPkgInfoException e = refuse(big);
        assertEquals(0, e.line());
        assertEquals("PKGINFO is 262145 bytes; at most 262144 are allowed", e.reason());
    }

    @Test
    void acceptsCommentsBlankLinesAndSpacingAroundEquals() throws Exception {
        PkgInfo p = PkgInfoReader.parse(("# comment\n\nname=a\nversion\t=  1.0-r0 \narchitecture = aarch64\n"
                + "depends =   b   c>1\nformat = 1\n").getBytes(StandardCharsets.UTF_8), "x");
        assertEquals("1.0-r0", p.version());
        assertEquals(2, p.depends().size());
    }
}
