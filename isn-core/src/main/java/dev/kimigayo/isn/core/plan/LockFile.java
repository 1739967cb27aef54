package dev.kimigayo.isn.core.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The exact resolved set of packages for a world, with the repositories and index serials they
 * came from: what {@code isn lock} writes and {@code isn install --locked} installs
 * (docs/format-lock.md). Lists are kept sorted, so the text of two lock files diffs line by line.
 *
 * @param world         the world entries the set was resolved for
 * @param repositories  each repository a package comes from, with the serial of its index
 * @param packages      every package of the set; each has an {@link PackageSource.Indexed} source
 */
public record LockFile(List<String> world, List<Repository> repositories, List<PackageId> packages) {

    /** The only format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** A repository of the set: its URL as configured and the serial of the index the set was read from. */
    public record Repository(String url, long serial) {
        /** Checks the URL. */
        public Repository {
            Objects.requireNonNull(url, "url");
        }
    }

    /** Sorts the lists and checks every package names its repository. */
    public LockFile {
        world = world.stream().sorted().toList();
        repositories = repositories.stream().sorted(Comparator.comparing(Repository::url)).toList();
        packages = packages.stream().sorted(Comparator.comparing(PackageId::name)
                .thenComparing(PackageId::version)).toList();
        for (PackageId p : packages) {
            if (!(p.source() instanceof PackageSource.Indexed)) {
                throw new IllegalArgumentException(p.nameVersion() + " is not from a repository");
            }
        }
    }

    /** The lock file of {@code packages} (all from repositories) resolved for {@code world}. */
    public static LockFile of(List<String> world, List<PackageId> packages) {
        List<Repository> repos = new ArrayList<>();
        for (PackageId p : packages) {
            if (p.source() instanceof PackageSource.Indexed i
                    && repos.stream().noneMatch(r -> r.url().equals(i.repository()))) {
                repos.add(new Repository(i.repository(), i.serial()));
            }
        }
        return new LockFile(world, repos, packages);
    }

    /** The text of this lock file (docs/format-lock.md). */
    public String format() {
        StringBuilder b = new StringBuilder();
        b.append("isn-lock ").append(FORMAT_VERSION).append('\n');
        b.append("# written by 'isn lock'; 'isn install --locked' installs exactly these packages\n");
        for (String w : world) {
            b.append("world ").append(w).append('\n');
        }
        for (Repository r : repositories) {
            b.append("repository ").append(r.url()).append(' ').append(r.serial()).append('\n');
        }
        for (PackageId p : packages) {
            PackageSource.Indexed i = (PackageSource.Indexed) p.source();
            b.append(String.join(" ", "package", p.name(), p.version(), p.arch(), Long.toString(p.size()),
                    p.sha256(), i.repository(), i.file())).append('\n');
        }
        return b.toString();
    }
}
