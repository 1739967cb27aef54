package dev.kimigayo.isn.core.archive;

/**
 * One tar header as read, after applying its pax header.
 *
 * @param offset     position of the header in the uncompressed tar stream
 * @param path       the entry name, UTF-8 decoded, with a directory's trailing '/' removed
 * @param type       the ustar typeflag ('0' for regular files, also when the header had NUL)
 * @param mode       the permission bits (file-type bits some tars add are dropped)
 * @param uid        owner user id
 * @param gid        owner group id
 * @param size       content bytes that follow the header
 * @param linkTarget linkname of hardlinks and symlinks, else null
 */
record TarEntry(long offset, String path, char type, int mode, long uid, long gid, long size, String linkTarget) {
}
