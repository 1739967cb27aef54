package dev.kimigayo.isn.e2e.harness;

import java.net.URI;

/** A misbehaviour {@link FaultServer} applies to one path. */
public sealed interface Fault {

    /** Sends the headers (full Content-Length) and {@code bytes} bytes of the body, then goes silent. */
    record StallAfter(long bytes) implements Fault {
    }

    /** Accepts the request and never answers (no status line, no headers) until the server closes. */
    record StallHeaders() implements Fault {
    }

    /** Announces the full Content-Length, sends {@code bytes} bytes, then closes the connection. */
    record TruncateAfter(long bytes) implements Fault {
    }

    /** Sends a body of the right length with one byte changed (the middle one). */
    record WrongBytes() implements Fault {
    }

    /** Answers 302 with {@code Location: target}, e.g. the same file on another host name. */
    record RedirectTo(URI target) implements Fault {
    }

    /** Answers {@code status} with a short text body, on every request. */
    record Status(int status) implements Fault {
    }

    /** Answers {@code status} to the first {@code times} requests, then serves the file. */
    record FailFirst(int times, int status) implements Fault {
    }

    /** Serves the file and then keeps sending bytes without end (chunked, no Content-Length). */
    record Endless() implements Fault {
    }

    /** The first request gets the headers and {@code bytes} bytes, then the connection drops; later ones are served (Range honoured). */
    record DropOnce(long bytes) implements Fault {
    }
}
