package dev.kimigayo.isn.core.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConstraintTest {

    @Test
    void parsesEveryPart() throws Exception {
        assertEquals(new Constraint("vim", null, null, null, false), Constraint.parse("vim"));
        assertEquals(new Constraint("vim", "edge", null, null, false), Constraint.parse("vim@edge"));
        assertEquals(new Constraint("vim", "edge", Op.GE, "9.0", false), Constraint.parse("vim@edge>=9.0"));
        assertEquals(new Constraint("libc", null, Op.LT_FUZZY, "1.2", true), Constraint.parse("!libc<~1.2"));
        assertEquals(new Constraint("so:libX11.so.6", null, null, null, false), Constraint.parse("so:libX11.so.6"));
        assertEquals(new Constraint(".build-deps", null, Op.EQ, "20190603.131426", false),
                Constraint.parse(".build-deps=20190603.131426"));
        assertEquals(new Constraint("/bin/sh", null, null, null, false), Constraint.parse("/bin/sh"));
    }

    @ParameterizedTest
    @CsvSource({"a=1,EQ", "a<1,LT", "a<=1,LE", "a>1,GT", "a>=1,GE", "a~1,FUZZY", "a>~1,GT_FUZZY", "a<~1,LT_FUZZY",
        "a~=1,FUZZY", "a=~1,FUZZY"})
    void readsEachOperator(String text, Op op) throws Exception {
        assertEquals(op, Constraint.parse(text).op());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vim", "!vim", "vim@edge", "vim>=9.0.1-r2", "!libc@main<~1.2_rc1", "cmd:[", "a~1.2"})
    void canonicalTextParsesBackToAnEqualRecord(String text) throws Exception {
        Constraint c = Constraint.parse(text);
        assertEquals(text, c.toString());
        assertEquals(c, Constraint.parse(c.toString()));
    }

    @Test
    void synonymsPrintCanonically() throws Exception {
        assertEquals("a~1", Constraint.parse("a=~1").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|0|expected a package name",
        "!|1|expected a package name",
        "foo=|4|expected a version after '='",
        "foo==|3|unknown operator '=='",
        "foo=invalid|4|invalid version: a version must start with a digit",
        "foo>=1.0bc|9|invalid version: unexpected 'c'",
        "Foo|0|unexpected 'F' in name",
        "foo bar|3|unexpected ' ' in name",
        "foo@|4|expected a repository tag after '@'",
        "foo@te st|6|unexpected ' ' in repository tag",
        "foo/bar|3|unexpected '/' in name",
        "a..b|2|unexpected '.' in name",
        "/bin/../sh|5|unexpected '.' in name",
        "@tag|0|expected a package name",
        "so:|3|incomplete name 'so:'",
        "foo><1|3|unknown operator '><'",
        "foo=1.0-r|9|invalid version: expected the revision number after '-r'",
    })
    void errorsPointAtTheOffendingCharacter(String text, int position, String reason) {
        ConstraintSyntaxException e = assertThrows(ConstraintSyntaxException.class, () -> Constraint.parse(text));
        assertEquals(text, e.input());
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.reason().startsWith(reason), e.reason());
        assertEquals("invalid-constraint", e.code());
        String[] lines = e.getMessage().split("\\R");
        assertEquals("invalid constraint '" + text + "': " + e.reason() + " at position " + position
                + " (format: [!]name[@tag][op version], op one of = < > <= >= ~ >~ <~)", lines[0]);
        assertEquals("  " + text, lines[1]);
        assertEquals("  " + " ".repeat(position) + "^", lines[2]);
    }

    @Test
    void controlCharactersAreShownEscaped() {
        ConstraintSyntaxException e = assertThrows(ConstraintSyntaxException.class, () -> Constraint.parse("a\u0001b"));
        assertEquals(1, e.position());
        assertTrue(e.reason().startsWith("unexpected '\\x01'"), e.reason());
    }

    @Test
    void allowsVersionAppliesTheOperatorAndIgnoresConflict() throws Exception {
        assertTrue(Constraint.parse("a").allowsVersion("0.1"));
        assertTrue(Constraint.parse("a>=1.2").allowsVersion("1.2"));
        assertFalse(Constraint.parse("a>=1.2").allowsVersion("1.2_rc1"));
        assertTrue(Constraint.parse("!a<2").allowsVersion("1.9"));
        assertTrue(Constraint.parse("a~3.6").allowsVersion("3.6.9-r1"));
        assertFalse(Constraint.parse("a~3.6").allowsVersion("3.60"));
        assertTrue(Constraint.parse("a>~2.5").allowsVersion("2.5.1"));
        assertTrue(Constraint.parse("a>~2.5").allowsVersion("3"));
        assertFalse(Constraint.parse("a>~2.5").allowsVersion("2.4.9"));
        assertTrue(Constraint.parse("a<~2.5").allowsVersion("2.5.9"));
        assertFalse(Constraint.parse("a<~2.5").allowsVersion("2.6"));
    }

    @Test
    void recordRefusesAnOperatorWithoutVersion() {
        assertThrows(IllegalArgumentException.class, () -> new Constraint("a", null, Op.EQ, null, false));
    }
}
