package dev.kimigayo.isn.core.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.kimigayo.isn.core.txn.AtomicFile;
import dev.kimigayo.isn.core.txn.Durability;

/**
 * Reads and writes {@code etc/isn/repositories}: one repository per line, {@code file://},
 * {@code http://} or {@code https://} (a bare absolute path means {@code file://}), optionally
 * preceded by {@code @tag}; further {@code http(s)} URLs on the same line, separated by blanks,
 * are mirrors of the first. Blank lines and lines starting with {@code #} are ignored, and so is
 * the rest of a line after a blank and {@code #}. Format: docs/fetching.md.
 */
public final class RepositoriesFile {

    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private RepositoriesFile() {
    }

    /** The entries of {@code file} in order; an absent file means no repositories. */
    public static List<RepositoryEntry> read(Path file) throws IOException, ConfigSyntaxException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file);
    }

    /** Parses the text of a repositories file; {@code source} names it in error messages. */
    public static List<RepositoryEntry> parse(String text, Path source) throws ConfigSyntaxException {
        List<RepositoryEntry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            entries.add(parseLine(line, source, i + 1));
        }
        return List.copyOf(entries);
    }

    /** Parses one repository given on the command line ({@code --repository}), mirrors separated by blanks. */
    public static RepositoryEntry parseArgument(String argument) throws ConfigSyntaxException {
        return parseLine(argument.strip(), Path.of("--repository"), 1);
    }

    private static RepositoryEntry parseLine(String line, Path source, int lineNo) throws ConfigSyntaxException {
        Optional<String> tag = Optional.empty();
        String location = line;
        if (line.startsWith("@")) {
            String[] parts = line.substring(1).split("\\s+", 2);
            if (parts.length < 2 || !TAG.matcher(parts[0]).matches()) {
                throw new ConfigSyntaxException(source, lineNo, "expected '@tag URL' with a lower-case tag, got '"
                        + line + "'");
            }
            tag = Optional.of(parts[0]);
            location = parts[1].strip();
        }
        int comment = location.indexOf(" #");
        int tabComment = location.indexOf("\t#");
        if (tabComment >= 0 && (comment < 0 || tabComment < comment)) {
            comment = tabComment;
        }
        if (comment >= 0) {
            location = location.substring(0, comment).strip();
        }
        String[] urls = location.split("\\s+");
        URI primary = toUri(urls[0], source, lineNo);
        List<URI> mirrors = new ArrayList<>();
        for (int i = 1; i < urls.length; i++) {
            URI mirror = toUri(urls[i], source, lineNo);
            if ("file".equals(primary.getScheme()) || "file".equals(mirror.getScheme())) {
                throw new ConfigSyntaxException(source, lineNo, "mirrors are for http(s) repositories only: '"
                        + urls[i] + "' cannot mirror '" + urls[0] + "'; put a local folder on a line of its own");
            }
            mirrors.add(mirror);
        }
        return new RepositoryEntry(tag, primary, mirrors);
    }

    private static URI toUri(String location, Path source, int lineNo) throws ConfigSyntaxException {
        if (location.startsWith("/")) {
            return Path.of(location).toUri();
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw new ConfigSyntaxException(source, lineNo, "not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        switch (scheme) {
            case "file" -> {
                if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
                    throw new ConfigSyntaxException(source, lineNo, "file: URL needs an absolute path, e.g. file:///srv/repo");
                }
            }
            case "http", "https" -> {
                if (uri.getHost() == null) {
                    throw new ConfigSyntaxException(source, lineNo, "URL '" + location + "' has no host");
                }
            }
            default -> throw new ConfigSyntaxException(source, lineNo, "unsupported repository URL '" + location
                    + "': use file://, http:// or https://");
        }
        return uri;
    }

    /** Writes the entries, one per line with their mirrors, replacing the file atomically. */
    public static void write(Path file, List<RepositoryEntry> entries, Durability durability) throws IOException {
        StringBuilder text = new StringBuilder();
        for (RepositoryEntry e : entries) {
            text.append(e.toLine()).append('\n');
        }
        AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8), durability);
    }
}
