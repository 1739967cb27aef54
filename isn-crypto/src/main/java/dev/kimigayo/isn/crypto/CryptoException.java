package dev.kimigayo.isn.crypto;

/**
 * Base of every checked failure isn-crypto reports: a key, signature or hash problem the caller
 * can explain to the user. isn-core wraps these in its own exceptions.
 */
public abstract class CryptoException extends Exception {

    protected CryptoException(String message) {
        super(message);
    }

    protected CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
