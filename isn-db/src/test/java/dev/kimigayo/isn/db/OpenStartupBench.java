package dev.kimigayo.isn.db;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures, in a fresh JVM, what opening the database costs a short-lived {@code isn} process:
 * loading sqlite-jdbc's native library (extracted into {@code org.sqlite.tmpdir} unless
 * {@code org.sqlite.lib.path} names a pre-extracted copy), opening and checking the schema, and
 * a first query. Not a test: run it by hand, see docs/database.md.
 *
 * <pre>java -cp isn-db/target/classes:isn-db/target/test-classes:SQLITE_JAR \
 *     [-Dorg.sqlite.lib.path=DIR -Dorg.sqlite.lib.name=libsqlitejdbc.so] \
 *     dev.kimigayo.isn.db.OpenStartupBench DB_FILE</pre>
 */
public final class OpenStartupBench {

    private OpenStartupBench() {
    }

    /** Prints one line of timings in milliseconds. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        boolean existed = Files.exists(file);
        long t0 = System.nanoTime();
        org.sqlite.SQLiteJDBCLoader.initialize();
        long t1 = System.nanoTime();
        try (PackageDatabase db = PackageDatabase.open(file, existed
                ? OpenOptions.readOnlyMode() : OpenOptions.readWrite().withCreate(true))) {
            long t2 = System.nanoTime();
            int n = db.installedPackages().size();
            long t3 = System.nanoTime();
            System.out.printf("native-load %.1f ms, open %.1f ms, first query %.1f ms (%d packages)%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, n);
        }
    }
}
