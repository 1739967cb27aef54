package dev.kimigayo.isn.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import dev.kimigayo.isn.core.txn.AtomicFile;
import dev.kimigayo.isn.core.txn.Durability;

/**
 * Reads and writes {@code etc/isn/world}: the constraints the user asked for, one per line
 * (whitespace-separated entries on one line, as apk writes them, are read too). The database
 * holds the authoritative copy; this file mirrors it for people and tools.
 */
public final class WorldFile {

    private WorldFile() {
    }

    /** The constraint strings of {@code file} in file order; an absent file means an empty world. */
    public static List<String> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            for (String token : s.split("\\s+")) {
                entries.add(token);
            }
        }
        return List.copyOf(entries);
    }

    /** Replaces the file atomically with the entries, sorted and de-duplicated, one per line. */
    public static void write(Path file, Collection<String> entries, Durability durability) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String e : new TreeSet<>(entries)) {
            text.append(e).append('\n');
        }
        AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8), durability);
    }
}
