package dev.kimigayo.isn.core.fileplan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kimigayo.isn.core.txn.ChangeSetBuilder;

/**
 * The file-level result of planning a transaction.
 *
 * @param changes   the journal steps, in the order they must happen
 * @param staging   per incoming package, the temporary path to write each of its paths to; a
 *                  path absent from the map is not written (a directory that exists, a config
 *                  file already identical)
 * @param owned     per incoming package, the entries it will own in the database
 * @param disowned  per staying installed package, paths an incoming package takes over ({@code replaces})
 * @param notes     messages for the user (a config file kept, the new one written as .isn-new)
 */
public record FilePlan(ChangeSetBuilder changes, Map<String, Map<String, Path>> staging,
        Map<String, List<FileEntry>> owned, Map<String, Set<String>> disowned, List<String> notes) {
}
