package dev.kimigayo.isn.core.commit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import dev.kimigayo.isn.core.txn.PathFailure;

/**
 * A staged file's output, whose write failures (a full disk, an I/O error) name the package path
 * they happened on: the JDK reports them without any path. Read failures of the package stream
 * pass through untouched, so a tampered package is still reported as one.
 */
final class PathOutputStream extends FilterOutputStream {

    private final String path;

    PathOutputStream(String path, OutputStream out) {
        super(out);
        this.path = path;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw PathFailure.at(path, e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw PathFailure.at(path, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw PathFailure.at(path, e);
        }
    }
}
