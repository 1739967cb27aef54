package dev.kimigayo.isn.core.history;

import dev.kimigayo.isn.core.IsnException;

/** {@code isn history N} or {@code isn undo N} named a transaction the root has no record of. */
public final class NoSuchTransactionException extends IsnException {

    /** Transaction {@code id} is not in the history. */
    public NoSuchTransactionException(long id) {
        super("there is no transaction " + id + " in the history of this root; 'isn history' lists them");
    }

    /** The history has no transaction that changed the root. */
    public NoSuchTransactionException() {
        super("this root has no transaction to undo; 'isn history' lists them");
    }

    @Override
    public String code() {
        return "no-such-transaction";
    }

    @Override
    public Kind kind() {
        return Kind.FAILED;
    }
}
