package dev.kimigayo.isn.core.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** The redirect rules, case by case. */
class RedirectPolicyTest {

    private static final URI FROM = URI.create("https://repo.example.org/v1/main/a.isn");

    @Test
    void followsSameHostRelativeAndAbsoluteTargets() throws Exception {
        assertEquals(URI.create("https://repo.example.org/v2/a.isn"), RedirectPolicy.follow(FROM, "/v2/a.isn", 0, 5));
        assertEquals(URI.create("https://REPO.example.org:8443/a.isn"),
                RedirectPolicy.follow(FROM, "https://REPO.example.org:8443/a.isn", 4, 5));
        assertEquals(URI.create("https://repo.example.org/a"),
                RedirectPolicy.follow(URI.create("http://repo.example.org/a"), "https://repo.example.org/a", 0, 5));
    }

    @Test
    void refusesADowngradeToPlainHttp() {
        FetchException e = assertThrows(FetchException.class,
                () -> RedirectPolicy.follow(FROM, "http://repo.example.org/a.isn", 0, 5));
        assertEquals("refusing redirect: " + FROM + " redirects to http://repo.example.org/a.isn,"
                + " a downgrade from https to http", e.getMessage());
    }

    @Test
    void refusesOtherHostsOtherSchemesMissingTargetsAndTooMany() {
        assertEquals(FetchException.Reason.REDIRECT_REFUSED, assertThrows(FetchException.class,
                () -> RedirectPolicy.follow(FROM, "https://evil.example.net/a.isn", 0, 5)).reason());
        assertThrows(FetchException.class, () -> RedirectPolicy.follow(FROM, "file:///etc/passwd", 0, 5));
        assertThrows(FetchException.class, () -> RedirectPolicy.follow(FROM, null, 0, 5));
        FetchException many = assertThrows(FetchException.class, () -> RedirectPolicy.follow(FROM, "/x", 5, 5));
        assertEquals("refusing redirect: " + FROM + " redirects more than 5 times (last to https://repo.example.org/x)",
                many.getMessage());
    }
}
