package dev.kimigayo.isn.core.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Who is packing, as the file system sees it: the owner of a file the packer just created. Under
 * fakeroot that is 0:0, as the packager means it; no process API tells that apart.
 *
 * @param uid the owner of new files
 * @param gid the group of new files
 */
record PackerIdentity(long uid, long gid) {

    /** Packing as root (or under fakeroot): the tree's owners are recorded as they are. */
    boolean privileged() {
        return uid == 0;
    }

    /** The identity that created {@code newFile}. */
    static PackerIdentity of(Path newFile) throws IOException {
        return new PackerIdentity(((Number) Files.getAttribute(newFile, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue(),
                ((Number) Files.getAttribute(newFile, "unix:gid", LinkOption.NOFOLLOW_LINKS)).longValue());
    }

    /**
     * The owner a package records for a tree id: as root, the id itself; unprivileged, the packer's
     * own ids become 0 (root), since an unprivileged packer cannot create files owned by anyone else
     * and means "root" by them; other ids are kept.
     */
    long record(long treeId, long packerId) {
        return !privileged() && treeId == packerId ? 0 : treeId;
    }
}
