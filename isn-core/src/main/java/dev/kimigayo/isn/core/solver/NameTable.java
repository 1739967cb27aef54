package dev.kimigayo.isn.core.solver;

/**
 * Package names to dense ids, open-addressed: a distribution index has about 100,000 names, and
 * a HashMap of boxed ids costs two extra objects per name that the collector copies on every load.
 */
final class NameTable {
    private String[] keys = new String[1 << 10];
    private int[] ids = new int[1 << 10];
    private int size;

    /** The id of {@code name}, or -1. */
    int get(String name) {
        int mask = keys.length - 1;
        for (int i = slot(name, mask); ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k.equals(name)) {
                return ids[i];
            }
        }
    }

    /** Records {@code name} (not present yet) with {@code id}. */
    void put(String name, int id) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(name, id);
        size++;
    }

    private void insert(String name, int id) {
        int mask = keys.length - 1;
        int i = slot(name, mask);
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = name;
        ids[i] = id;
    }

    private static int slot(String name, int mask) {
        int h = name.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new String[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldIds[i]);
            }
        }
    }
}
