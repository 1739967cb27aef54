package dev.kimigayo.isn.core.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProvideTest {

    @Test
    void parsesVirtualAndVersionedProvides() throws Exception {
        assertEquals(new Provide("cmd:sh", null), Provide.parse("cmd:sh"));
        assertTrue(Provide.parse("cmd:sh").isVirtual());
        assertEquals(new Provide("so:libc.musl-x86_64.so.1", "1.2.4-r2"), Provide.parse("so:libc.musl-x86_64.so.1=1.2.4-r2"));
        assertEquals("so:foo.so.1=1.2", Provide.parse("so:foo.so.1=1.2").toString());
    }

    @Test
    void refusesWhatOnlyConstraintsMayHave() {
        assertEquals(3, assertThrows(ConstraintSyntaxException.class, () -> Provide.parse("foo>=1")).position());
        assertEquals(3, assertThrows(ConstraintSyntaxException.class, () -> Provide.parse("foo@edge")).position());
        assertEquals(0, assertThrows(ConstraintSyntaxException.class, () -> Provide.parse("!foo")).position());
        assertEquals(4, assertThrows(ConstraintSyntaxException.class, () -> Provide.parse("foo=x")).position());
    }
}
