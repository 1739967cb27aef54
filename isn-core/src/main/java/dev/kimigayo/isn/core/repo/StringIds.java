package dev.kimigayo.isn.core.repo;

import java.util.Arrays;

/**
 * Distinct strings to dense ids in first-seen order, open-addressed. Deriving the cache of a
 * 65,000-package index numbers about half a million distinct strings: a {@code HashMap} of boxed
 * ids costs a node and an {@code Integer} per string (~25 MB there), this two arrays (~8 MB).
 */
final class StringIds {

    private String[] strings = new String[1024];
    private int[] slots = new int[2048];
    private int size;

    /** The id of {@code s}, numbered on first sight. */
    int id(String s) {
        int mask = slots.length - 1;
        int i = slot(s, mask);
        for (; slots[i] != 0; i = (i + 1) & mask) {
            if (strings[slots[i] - 1].equals(s)) {
                return slots[i] - 1;
            }
        }
        if (size == strings.length) {
            strings = Arrays.copyOf(strings, size * 2);
        }
        strings[size] = s;
        slots[i] = ++size;
        if (size * 2 > slots.length) {
            grow();
        }
        return size - 1;
    }

    /** How many distinct strings were numbered. */
    int size() {
        return size;
    }

    /** The string of id {@code id}. */
    String get(int id) {
        return strings[id];
    }

    /** The strings in id order. */
    String[] toArray() {
        return Arrays.copyOf(strings, size);
    }

    private void grow() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int i = slot(strings[id], mask);
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = id + 1;
        }
    }

    private static int slot(String s, int mask) {
        int h = s.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }
}
