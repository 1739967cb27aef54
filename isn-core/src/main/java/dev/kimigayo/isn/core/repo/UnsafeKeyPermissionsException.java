package dev.kimigayo.isn.core.repo;

import java.nio.file.Path;

/**
 * A trusted key file, or the folder holding the trusted keys, that a user other than root and the
 * invoking user could change: whoever can write a trusted key decides which packages isn trusts,
 * so such a key is refused (as ssh's StrictModes refuses an authorized_keys file).
 */
public final class UnsafeKeyPermissionsException extends IndexException {

    private final Path path;
    private final String fix;

    /** Creates the refusal of {@code path}; {@code problem} says who could write it, {@code fix} the command. */
    public UnsafeKeyPermissionsException(Path path, String problem, String fix) {
        super("unsafe trusted key permissions, " + path + ": " + problem
                + "; whoever can change a trusted key decides what isn installs: fix it with '" + fix + "'");
        this.path = path;
        this.fix = fix;
    }

    /** The key file or folder. */
    public Path path() {
        return path;
    }

    /** The shell command that makes it safe. */
    public String fix() {
        return fix;
    }

    @Override
    public String code() {
        return "unsafe-key-permissions";
    }

    @Override
    public Kind kind() {
        return Kind.INTEGRITY;
    }
}
