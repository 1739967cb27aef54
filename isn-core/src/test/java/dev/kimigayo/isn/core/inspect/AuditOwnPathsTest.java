package dev.kimigayo.isn.core.inspect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** isn audit --new never reports isn's own state, the directories leading to it, or its temporaries. */
class AuditOwnPathsTest {

    @Test
    void isnsOwnPathsAreNotNewFiles() {
        for (String own : new String[] {"var/lib", "var/cache", "var/lib/isn", "var/lib/isn/isn.db", "var/cache/isn",
            "etc/isn", "etc/isn/keys/k.pub", "usr/bin/.isn-new.42.vim", "etc/.isn-tmp.world.7"}) {
            assertTrue(Audit.isOwn(own), own);
        }
        for (String other : new String[] {"var/library", "var/log", "usr/bin/evil", "etc/isnrc", "etc/vim/vimrc.isn-new2"}) {
            assertFalse(Audit.isOwn(other), other);
        }
    }
}
