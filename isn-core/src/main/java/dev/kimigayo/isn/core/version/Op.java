package dev.kimigayo.isn.core.version;

/** A version operator of a constraint, with apk's meaning. */
public enum Op {
    /** {@code =}: exactly this version. */
    EQ("="),
    /** {@code <}: older than. */
    LT("<"),
    /** {@code <=}: older than or equal. */
    LE("<="),
    /** {@code >}: newer than. */
    GT(">"),
    /** {@code >=}: newer than or equal. */
    GE(">="),
    /** {@code ~}: fuzzy, the version starts with these components ({@code 3.6.9 ~ 3.6}). */
    FUZZY("~"),
    /** {@code >~}: newer than, or a fuzzy match. */
    GT_FUZZY(">~"),
    /** {@code <~}: older than, or a fuzzy match. */
    LT_FUZZY("<~");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    /** The canonical spelling, as written in constraints. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code candidateVersion} satisfies "{@code this constraintVersion}". */
    public boolean test(String candidateVersion, String constraintVersion) {
        return switch (this) {
            case EQ -> Version.compare(candidateVersion, constraintVersion) == 0;
            case LT -> Version.compare(candidateVersion, constraintVersion) < 0;
            case LE -> Version.compare(candidateVersion, constraintVersion) <= 0;
            case GT -> Version.compare(candidateVersion, constraintVersion) > 0;
            case GE -> Version.compare(candidateVersion, constraintVersion) >= 0;
            case FUZZY -> Version.fuzzyMatch(candidateVersion, constraintVersion);
            case GT_FUZZY -> Version.fuzzyMatch(candidateVersion, constraintVersion)
                    || Version.compare(candidateVersion, constraintVersion) > 0;
            case LT_FUZZY -> Version.fuzzyMatch(candidateVersion, constraintVersion)
                    || Version.compare(candidateVersion, constraintVersion) < 0;
        };
    }

    /**
     * The operator spelled {@code symbol}, or null. Besides the canonical spellings this accepts
     * apk's synonyms {@code ~=} and {@code =~} for {@link #FUZZY}.
     */
    public static Op fromSymbol(String symbol) {
        if (symbol.equals("~=") || symbol.equals("=~")) {
            return FUZZY;
        }
        for (Op op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        return null;
    }
}
