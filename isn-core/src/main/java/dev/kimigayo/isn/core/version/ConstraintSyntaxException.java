package dev.kimigayo.isn.core.version;

/** A dependency constraint or provide could not be parsed; points at the offending character. */
public final class ConstraintSyntaxException extends PositionedSyntaxException {

    ConstraintSyntaxException(String input, int position, String reason) {
        super("constraint", input, position, reason,
                " (format: [!]name[@tag][op version], op one of = < > <= >= ~ >~ <~)");
    }

    @Override
    public String code() {
        return "invalid-constraint";
    }
}
