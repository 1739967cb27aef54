package dev.kimigayo.isn.db;

import java.util.Locale;

/** The spelling of enum constants in the database: the constant's name in lower case. */
final class DbNames {

    private DbNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    }
}
