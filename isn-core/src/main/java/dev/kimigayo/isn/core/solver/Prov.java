package dev.kimigayo.isn.core.solver;

/** One way a name can be satisfied: a package, and the version it offers the name at (null = virtual). */
record Prov(Cand cand, String version) {

    boolean isVirtual() {
        return version == null;
    }
}
