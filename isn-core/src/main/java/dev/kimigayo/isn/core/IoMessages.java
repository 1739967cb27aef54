package dev.kimigayo.isn.core;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;

/**
 * Turns I/O failures into the words a user reads: {@code NoSuchFileException: /x} becomes
 * "no such file or directory: /x", a full disk "no space left on device: /x". The one place that
 * knows the Java exception types; messages never show a class name (docs/exit-codes.md).
 */
public final class IoMessages {

    private IoMessages() {
    }

    /** What went wrong, in words, naming the path or host when the failure carries one. */
    public static String describe(Throwable e) {
        if (e == null) {
            return "input/output error";
        }
        String words = words(e);
        if (words != null) {
            return words;
        }
        if (e.getCause() != null && e.getCause() != e && (e.getMessage() == null || isClassName(e.getMessage()))) {
            return describe(e.getCause());
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : m;
    }

    private static String words(Throwable e) {
        if (e instanceof NoSuchFileException f) {
            return withFile("no such file or directory", f);
        } else if (e instanceof AccessDeniedException f) {
            return withFile("permission denied", f);
        } else if (e instanceof FileAlreadyExistsException f) {
            return withFile("already exists", f);
        } else if (e instanceof DirectoryNotEmptyException f) {
            return withFile("directory not empty", f);
        } else if (e instanceof NotDirectoryException f) {
            return withFile("not a directory", f);
        } else if (e instanceof NotLinkException f) {
            return withFile("not a symbolic link", f);
        } else if (e instanceof FileSystemLoopException f) {
            return withFile("too many levels of symbolic links", f);
        } else if (e instanceof FileSystemException f) {
            // The OS reason ("No space left on device", "File name too long", "Read-only file system").
            return withFile(f.getReason() == null ? "input/output error" : lowerFirst(f.getReason()), f);
        } else if (e instanceof UnknownHostException || e instanceof UnresolvedAddressException) {
            return e.getMessage() == null ? "unknown host" : "unknown host " + e.getMessage();
        } else if (e instanceof ConnectException) {
            return e.getMessage() == null ? "connection refused" : lowerFirst(e.getMessage());
        } else if (e instanceof NoRouteToHostException) {
            return "no route to host";
        } else if (e instanceof SocketTimeoutException) {
            return "timed out";
        } else if (e instanceof java.io.EOFException) {
            return "unexpected end of file";
        }
        return null;
    }

    private static String withFile(String what, FileSystemException f) {
        String where = f.getFile() == null ? "" : ": " + f.getFile();
        String other = f.getOtherFile() == null ? "" : " (and " + f.getOtherFile() + ")";
        return what + where + other;
    }

    private static boolean isClassName(String m) {
        return m.matches("([a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(: .*)?");
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1))
                ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
