package dev.kimigayo.isn.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

import dev.kimigayo.isn.crypto.Sha256;

/** An entry's content that hashes itself and, at its end, refuses bytes that differ from the manifest. */
final class VerifyingContent extends InputStream {

    private final InputStream in;
    private final String source;
    private final ManifestEntry entry;
    private final MessageDigest digest;
    private boolean checked;
    private ManifestMismatchException mismatch;

    VerifyingContent(InputStream in, String source, ManifestEntry entry) {
        this.in = in;
        this.source = source;
        this.entry = entry;
        this.digest = Sha256.newDigest();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            digest.update(b, off, n);
        } else if (n < 0) {
            check();
        }
        return n;
    }

    @Override
    public void close() {
        // The sink must not close the package stream; the reader drains and checks it.
    }

    /** Reads what the sink left unread, then checks the hash. */
    void finish() throws IOException {
        transferTo(OutputStream.nullOutputStream());
        check();
    }

    private void check() throws RejectedIOException {
        if (!checked && entry.type() == EntryType.FILE) {
            checked = true;
            String actual = Sha256.hex(digest.digest());
            if (!actual.equals(entry.sha256())) {
                mismatch = new ManifestMismatchException(source, entry.path(), "sha256", entry.sha256(), actual);
            }
        }
        // Thrown again from finish() even if the sink swallowed it the first time.
        if (mismatch != null) {
            throw new RejectedIOException(mismatch);
        }
    }
}
