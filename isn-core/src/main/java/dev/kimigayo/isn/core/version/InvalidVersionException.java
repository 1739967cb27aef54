package dev.kimigayo.isn.core.version;

/** A string that is not a valid apk version was given where a version is required. */
public final class InvalidVersionException extends PositionedSyntaxException {

    InvalidVersionException(String input, int position, String reason) {
        super("version", input, position, reason, "");
    }

    @Override
    public String code() {
        return "invalid-version";
    }
}
