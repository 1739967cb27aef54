package dev.kimigayo.isn.db;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work run by {@link PackageDatabase} inside a read or write transaction. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection conn) throws SQLException, DatabaseException;
}
