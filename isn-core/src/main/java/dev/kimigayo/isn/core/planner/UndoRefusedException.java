package dev.kimigayo.isn.core.planner;

import dev.kimigayo.isn.core.IsnException;

/** A transaction that cannot be undone: never committed, or committed before isn kept plans. Nothing changed. */
public final class UndoRefusedException extends IsnException {

    /** Transaction {@code id} cannot be undone because {@code why}. */
    public UndoRefusedException(long id, String why) {
        super("cannot undo transaction " + id + ": " + why + "; nothing was changed");
    }

    @Override
    public String code() {
        return "undo-refused";
    }

    @Override
    public Kind kind() {
        return Kind.FAILED;
    }
}
