package dev.kimigayo.isn.db;

/** Turns a user's shell glob into an SQL LIKE pattern with {@code \} as the escape character. */
final class LikePatterns {

    private LikePatterns() {
    }

    /** {@code *} and {@code ?} become {@code %} and {@code _}; without either, match a substring. */
    static String fromGlob(String glob) {
        boolean wild = glob.indexOf('*') >= 0 || glob.indexOf('?') >= 0;
        StringBuilder sb = new StringBuilder(glob.length() + 2);
        if (!wild) {
            sb.append('%');
        }
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> sb.append('%');
                case '?' -> sb.append('_');
                case '%', '_', '\\' -> sb.append('\\').append(ch);
                default -> sb.append(ch);
            }
        }
        if (!wild) {
            sb.append('%');
        }
        return sb.toString();
    }
}
