package dev.kimigayo.isn.core.solver;

import java.util.Arrays;

/** A growable int stack, to keep per-name bookkeeping small at distribution scale. */
final class IntList {
    private int[] a = new int[2];
    private int n;

    void push(int v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = v;
    }

    int pop() {
        return a[--n];
    }

    int get(int i) {
        return a[i];
    }

    void set(int i, int v) {
        a[i] = v;
    }

    int size() {
        return n;
    }

    void truncate(int size) {
        n = size;
    }
}
