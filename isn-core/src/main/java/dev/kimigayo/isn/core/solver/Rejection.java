package dev.kimigayo.isn.core.solver;

/**
 * Why one candidate could not be used for one requirement; the raw material of explanations.
 *
 * @param reason   the kind of reason
 * @param cand     the rejected candidate (set by {@link #of}), or null while still unattached
 * @param other    the other package involved (the one holding the name, or in conflict), or null
 * @param name     the name in dispute, or -1
 * @param declared the conflict declaration involved, or null
 */
record Rejection(Reason reason, Cand cand, Cand other, int name, Selection.Declared declared) {

    /** The kinds of reason. */
    enum Reason { MISMATCH, ARCH, BROKEN, UNAVAILABLE, TAG, VIRTUAL, CLASH, CONFLICTED_BY, CONFLICTS_WITH, LATEST, HELD }

    static Rejection simple(Reason r) {
        return new Rejection(r, null, null, -1, null);
    }

    static Rejection clash(Cand holder, int name) {
        return new Rejection(Reason.CLASH, null, holder, name, null);
    }

    static Rejection conflictedBy(Selection.Declared d) {
        return new Rejection(Reason.CONFLICTED_BY, null, d.by(), d.dep().nameId(), d);
    }

    static Rejection conflictsWith(Cand q, Dep d) {
        return new Rejection(Reason.CONFLICTS_WITH, null, q, d.nameId(), new Selection.Declared(null, d, null));
    }

    static Rejection latest(Cand newest) {
        return new Rejection(Reason.LATEST, null, newest, -1, null);
    }

    Rejection of(Cand c) {
        return new Rejection(reason, c, other, name, declared);
    }
}
