package dev.kimigayo.isn.core.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class SerialRuleTest {

    private static final Instant T = Instant.parse("2026-11-27T08:30:00Z");

    @Test
    void firstIndexTakesTheClock() {
        assertEquals(T.getEpochSecond(), SerialRule.next(OptionalLong.empty(), T));
    }

    @Test
    void growsByOneWithinTheSameSecond() {
        long first = SerialRule.next(OptionalLong.empty(), T);
        long second = SerialRule.next(OptionalLong.of(first), T);
        long third = SerialRule.next(OptionalLong.of(second), T);
        assertEquals(first + 1, second);
        assertEquals(first + 2, third);
    }

    @Test
    void jumpsToTheClockWhenItIsAhead() {
        assertEquals(T.getEpochSecond(), SerialRule.next(OptionalLong.of(5), T));
    }

    @Test
    void growsEvenWhenTheClockWentBack() {
        long ahead = T.getEpochSecond() + 1000;
        assertEquals(ahead + 1, SerialRule.next(OptionalLong.of(ahead), T));
    }
}
