package dev.kimigayo.isn.cli;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.engine.Queries;
import dev.kimigayo.isn.db.InstalledPackage;

/** Whether a dependency is still needed: some other installed package depends on its name or a provide. */
final class Orphans {

    private Orphans() {
    }

    static boolean isOrphan(InstalledPackage p, Queries q) throws IsnException {
        for (InstalledPackage other : q.installed()) {
            if (other.name().equals(p.name())) {
                continue;
            }
            for (String d : other.depends()) {
                String name = d.replaceFirst("^([^<>=~@!]+).*$", "$1");
                if (d.startsWith("!")) {
                    continue;
                }
                if (name.equals(p.name()) || p.provides().stream().anyMatch(v -> v.split("=")[0].equals(name))) {
                    return false;
                }
            }
        }
        return true;
    }
}
