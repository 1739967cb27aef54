package dev.kimigayo.isn.crypto;

/** A streamed message exceeds the size isn agrees to buffer to make an Ed25519 signature (verifying streams). */
public final class MessageTooLargeException extends CryptoException {

    private final long limit;

    /** The message is longer than {@code limit} bytes. */
    public MessageTooLargeException(long limit) {
        super("message to sign is larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The largest message accepted, in bytes. */
    public long limit() {
        return limit;
    }
}
