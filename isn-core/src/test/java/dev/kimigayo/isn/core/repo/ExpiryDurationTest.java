package dev.kimigayo.isn.core.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ExpiryDurationTest {

    @Test
    void parsesSingleAndCombinedParts() throws Exception {
        assertEquals(Duration.ofDays(7), ExpiryDuration.parse("7d"));
        assertEquals(Duration.ofHours(12), ExpiryDuration.parse("12h"));
        assertEquals(Duration.ofDays(14), ExpiryDuration.parse("2w"));
        assertEquals(Duration.ofHours(36), ExpiryDuration.parse("1d12h"));
        assertEquals(Duration.ofSeconds(90), ExpiryDuration.parse("1m30s"));
    }

    @Test
    void refusesMalformedZeroAndTooLong() {
        InvalidExpiryException bad = assertThrows(InvalidExpiryException.class, () -> ExpiryDuration.parse("7x"));
        assertTrue(bad.getMessage().contains("unexpected '7' at position 1"), bad.getMessage());
        assertEquals("invalid-expiry", bad.code());
        InvalidExpiryException trailing = assertThrows(InvalidExpiryException.class, () -> ExpiryDuration.parse("7d "));
        assertTrue(trailing.getMessage().contains("unexpected ' ' at position 3"), trailing.getMessage());
        assertTrue(assertThrows(InvalidExpiryException.class, () -> ExpiryDuration.parse("0d"))
                .getMessage().contains("it is zero"));
        assertTrue(assertThrows(InvalidExpiryException.class, () -> ExpiryDuration.parse("367d"))
                .getMessage().contains("longer than the maximum of 366d"));
        assertTrue(assertThrows(InvalidExpiryException.class, () -> ExpiryDuration.parse(""))
                .getMessage().contains("it is empty"));
        assertThrows(InvalidExpiryException.class, () -> ExpiryDuration.parse("-1d"));
        assertThrows(InvalidExpiryException.class, () -> ExpiryDuration.parse("d"));
    }
}
