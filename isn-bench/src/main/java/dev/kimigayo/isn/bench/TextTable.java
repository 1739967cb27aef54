package dev.kimigayo.isn.bench;

/**
 * An open-addressing table from text to a value, looked up straight from a parser's character
 * buffer. The dataset repeats a few hundred thousand short strings millions of times; building a
 * String for each occurrence only to find the one already seen was most of the loader's garbage.
 *
 * @param <V> what each distinct text maps to
 */
final class TextTable<V> {
    private String[] keys = new String[1 << 16];
    private Object[] values = new Object[1 << 16];
    private int size;

    /** The value for {@code chars[off, off+len)}, made by {@code make} from the text the first time. */
    @SuppressWarnings("unchecked")
    <E extends Exception> V get(char[] chars, int off, int len, Maker<V, E> make) throws E {
        int h = hash(chars, off, len);
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                String text = new String(chars, off, len);
                V v = make.make(text);
                keys[i] = text;
                values[i] = v;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return v;
            }
            if (k.length() == len && same(k, chars, off, len)) {
                return (V) values[i];
            }
        }
    }

    /** Makes the value of a text seen for the first time. */
    interface Maker<V, E extends Exception> {
        V make(String text) throws E;
    }

    private static boolean same(String k, char[] chars, int off, int len) {
        for (int j = 0; j < len; j++) {
            if (k.charAt(j) != chars[off + j]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] chars, int off, int len) {
        int h = 0;
        for (int j = 0; j < len; j++) {
            h = 31 * h + chars[off + j];
        }
        return h ^ (h >>> 16);
    }

    private static int hash(String s) {
        int h = s.hashCode();
        return h ^ (h >>> 16);
    }

    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int j = hash(oldKeys[i]) & mask;
                while (keys[j] != null) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }
}
