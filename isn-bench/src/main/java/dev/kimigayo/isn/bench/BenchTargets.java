package dev.kimigayo.isn.bench;

import dev.kimigayo.isn.core.solver.SolverPackage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reproducible target set of the solver survey (docs/solver.md). The dataset carries no
 * Debian priority or task field, so the set is: 59 everyday targets named by hand (desktops,
 * servers, tool chains), every {@code task-*} package (Debian's tasksel tasks: desktops, servers,
 * language support), and every 128th package name in sorted order.
 */
final class BenchTargets {
    static final List<String> POPULAR = List.of("vim", "build-essential", "gimp", "vlc", "qemu-system-x86",
            "postgresql", "texlive-latex-base", "xfce4", "firefox-esr", "inkscape", "kde-plasma-desktop",
            "gnome-core", "emacs", "php", "default-jdk", "libreoffice-writer", "nginx", "apache2", "mariadb-server",
            "openssh-server", "git", "python3", "python3-pip", "nodejs", "golang", "rustc", "cargo", "maven",
            "gradle", "ant", "thunderbird", "evolution", "lxde", "lxqt", "mate-desktop-environment", "cinnamon",
            "gdm3", "lightdm", "sddm", "xorg", "postfix", "exim4", "dovecot-imapd", "slapd", "samba", "bind9",
            "docker.io", "podman", "ansible", "r-base", "octave", "blender", "krita", "kdenlive", "audacity",
            "chromium", "tmux", "zsh", "clang");

    private BenchTargets() {
    }

    /** The targets, in a fixed order: the popular ones, the tasks, then the sample. */
    static List<String> of(List<SolverPackage> pkgs, int every) {
        Set<String> names = new TreeSet<>();
        for (SolverPackage p : pkgs) {
            names.add(p.name());
        }
        Set<String> out = new LinkedHashSet<>();
        for (String p : POPULAR) {
            if (names.contains(p)) {
                out.add(p);
            }
        }
        for (String n : names) {
            if (n.startsWith("task-")) {
                out.add(n);
            }
        }
        int i = 0;
        for (String n : names) {
            if (i++ % every == 0) {
                out.add(n);
            }
        }
        return new ArrayList<>(out);
    }
}
