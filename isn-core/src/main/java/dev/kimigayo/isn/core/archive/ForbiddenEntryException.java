package dev.kimigayo.isn.core.archive;

/** An entry isn never installs: a device node, FIFO or socket, or a setuid/setgid file not declared in PKGINFO. */
public final class ForbiddenEntryException extends PackageRejectedException {

    /** A refusal of {@code path} (null for the whole package) in {@code source}, with the reason. */
    public ForbiddenEntryException(String source, String path, String detail) {
        super(source, path, detail);
    }

    @Override
    public String code() {
        return "forbidden-entry";
    }
}
