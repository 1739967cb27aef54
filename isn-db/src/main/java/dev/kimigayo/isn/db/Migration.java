package dev.kimigayo.isn.db;

import java.util.List;

/**
 * One step of the schema: the statements that take a database from {@code version - 1} to
 * {@code version}. Steps never change once released; a new schema is a new step.
 */
record Migration(int version, String description, List<String> statements) {

    Migration {
        statements = List.copyOf(statements);
    }
}
