package dev.kimigayo.isn.core.fetch;

import dev.kimigayo.isn.core.IsnException;

/** A proxy environment variable isn cannot use; names the variable, its value and the reason. */
public final class ProxyConfigException extends IsnException {

    private final String variable;
    private final String value;

    /** Reports that {@code variable=value} is unusable because of {@code reason}. */
    public ProxyConfigException(String variable, String value, String reason) {
        super("cannot use " + variable + "=" + value + ": " + reason
                + "; set it to http://HOST:PORT, or unset it to connect directly");
        this.variable = variable;
        this.value = value;
    }

    /** The variable, in lower case ({@code http_proxy}, {@code https_proxy} or {@code no_proxy}). */
    public String variable() {
        return variable;
    }

    /** The offending value. */
    public String value() {
        return value;
    }

    @Override
    public String code() {
        return "bad-proxy";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
