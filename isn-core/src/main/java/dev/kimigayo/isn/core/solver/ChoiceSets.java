package dev.kimigayo.isn.core.solver;

/** Sets of choice-point indexes as sorted int arrays: the bookkeeping of conflict-directed backjumping. */
final class ChoiceSets {
    private ChoiceSets() {
    }

    static int[] union(int[] a, int[] b) {
        if (a.length == 0) {
            return b;
        }
        if (b.length == 0) {
            return a;
        }
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            int v;
            if (j >= b.length || (i < a.length && a[i] < b[j])) {
                v = a[i++];
            } else if (i >= a.length || b[j] < a[i]) {
                v = b[j++];
            } else {
                v = a[i++];
                j++;
            }
            out[n++] = v;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    static int[] without(int[] a, int k) {
        int n = 0;
        int[] out = new int[a.length];
        for (int v : a) {
            if (v != k) {
                out[n++] = v;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
