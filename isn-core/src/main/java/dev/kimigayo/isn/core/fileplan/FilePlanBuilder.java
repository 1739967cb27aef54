package dev.kimigayo.isn.core.fileplan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.kimigayo.isn.core.txn.ChangeSetBuilder;
import dev.kimigayo.isn.core.txn.JournalEntry;

/** Accumulates a {@link FilePlan}; orders directory creation before and removal after the renames. */
final class FilePlanBuilder {

    private final ChangeSetBuilder changes;
    private final Map<String, Map<String, Path>> staging = new LinkedHashMap<>();
    private final Map<String, List<FileEntry>> owned = new LinkedHashMap<>();
    private final Map<String, Set<String>> disowned = new LinkedHashMap<>();
    private final Set<String> ownedPaths = new HashSet<>();
    private final Set<String> ownedPairs = new HashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> rmdirs = new ArrayList<>();

    FilePlanBuilder(ChangeSetBuilder changes) {
        this.changes = changes;
    }

    /** The steps of file placements and removals, collected as planned. */
    ChangeSetBuilder changes() {
        return changes;
    }

    void stage(String pkg, String path, Path temp) {
        staging.computeIfAbsent(pkg, k -> new LinkedHashMap<>()).put(path, temp);
    }

    void own(String pkg, FileEntry entry) {
        if (ownedPairs.add(pkg + "\0" + entry.path())) {
            owned.computeIfAbsent(pkg, k -> new ArrayList<>()).add(entry);
            ownedPaths.add(entry.path());
        }
    }

    boolean isOwned(String path) {
        return ownedPaths.contains(path);
    }

    /** An incoming package and a path of it below directory {@code dir}, or null when none has one. */
    Map.Entry<String, String> ownedBelow(String dir) {
        for (Map.Entry<String, List<FileEntry>> e : owned.entrySet()) {
            for (FileEntry f : e.getValue()) {
                if (f.path().startsWith(dir + "/")) {
                    return Map.entry(e.getKey(), f.path());
                }
            }
        }
        return null;
    }

    void disown(String pkg, String path) {
        disowned.computeIfAbsent(pkg, k -> new TreeSet<>()).add(path);
    }

    void note(String message) {
        notes.add(message);
    }

    void rmdirs(List<String> deepestFirst) {
        rmdirs.addAll(deepestFirst);
    }

    /** The plan, with {@code mkdirs} (sorted, so parents come first) ahead of every other step. */
    FilePlan build(Set<String> mkdirs) {
        ChangeSetBuilder ordered = new ChangeSetBuilder(changes.root(), changes.txn());
        for (String dir : mkdirs) {
            ordered.mkdir(dir);
        }
        List<JournalEntry> rest = changes.entries();
        ordered.addAll(rest);
        for (String dir : rmdirs) {
            ordered.rmdir(dir);
        }
        return new FilePlan(ordered, Map.copyOf(staging), Map.copyOf(owned), Map.copyOf(disowned), List.copyOf(notes));
    }
}
