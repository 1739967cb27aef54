package dev.kimigayo.isn.core.repo;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code --expires} value of {@code isn index}: one or more {@code <count><unit>}
 * parts such as {@code 7d}, {@code 12h} or {@code 1d12h}, units {@code w d h m s}.
 */
public final class ExpiryDuration {

    /** The validity of an index when {@code --expires} is not given: seven days. */
    public static final Duration DEFAULT = Duration.ofDays(7);
    /** The longest validity accepted: a longer one would make the freeze defence meaningless. */
    public static final Duration MAXIMUM = Duration.ofDays(366);

    private static final Pattern PART = Pattern.compile("([0-9]{1,6})([wdhms])");

    private ExpiryDuration() {
    }

    /** Parses a duration such as {@code 7d}; refuses empty, zero, malformed and over-long ones. */
    public static Duration parse(String text) throws InvalidExpiryException {
        if (text == null || text.isEmpty()) {
            throw new InvalidExpiryException(String.valueOf(text), "it is empty");
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new InvalidExpiryException(text, "unexpected '" + text.charAt(at) + "' at position " + (at + 1));
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            at = m.end();
        }
        if (total.isZero()) {
            throw new InvalidExpiryException(text, "it is zero");
        }
        if (total.compareTo(MAXIMUM) > 0) {
            throw new InvalidExpiryException(text, "it is longer than the maximum of 366d");
        }
        return total;
    }
}
