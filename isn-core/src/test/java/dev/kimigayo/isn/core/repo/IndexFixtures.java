package dev.kimigayo.isn.core.repo;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Provide;
import dev.kimigayo.isn.crypto.Ed25519KeyPair;

/** Real values for index tests: keys, package metadata and indexes. */
final class IndexFixtures {

    static final Instant GENERATED = Instant.parse("2026-11-27T08:30:00Z");

    private IndexFixtures() {
    }

    static Ed25519KeyPair newKey() {
        return Ed25519KeyPair.generate(new SecureRandom());
    }

    /** vim with dependencies, provides and unknown keys; exercises every field. */
    static PkgInfo vim() throws Exception {
        return new PkgInfo("vim", "9.0.2127-r0", "x86_64", "Improved vi-style \"text\" editor \\ ünïcode",
                "https://www.vim.org/", "Vim",
                List.of(Constraint.parse("vim-common=9.0.2127-r0"), Constraint.parse("so:libncursesw.so.6"),
                        Constraint.parse("!nvi")),
                List.of(Provide.parse("cmd:vim=9.0.2127-r0")), List.of(), List.of(Constraint.parse("vim-tiny<9")), 0, "vim",
                "Sample <sample@kimigayo.invalid>", 1767225600L, 4096, "ab".repeat(32),
                List.of("etc/vim/vimrc"), List.of(), Map.of("x_future", List.of("a", "b")));
    }

    static IndexEntry entry(PkgInfo info) {
        String file = info.name() + "-" + info.version() + ".isn";
        return new IndexEntry(info, file, 1000 + info.name().length(), "0".repeat(63) + info.name().length() % 10);
    }

    /** An index of a few packages, in canonical order. */
    static RepoIndex index(long serial, Duration validity) throws Exception {
        List<IndexEntry> entries = new ArrayList<>(List.of(
                entry(vim()),
                entry(PkgInfo.of("musl", "1.2.5-r0", "x86_64")),
                entry(PkgInfo.of("busybox", "1.36.1-r2", "x86_64")),
                entry(PkgInfo.of("busybox", "1.36.1-r10", "x86_64"))));
        entries.sort(IndexEntry.ORDER);
        return new RepoIndex(RepoIndex.FORMAT_VERSION, new RepositoryInfo("sample", "Sample repository"), serial,
                GENERATED, GENERATED.plus(validity), entries);
    }
}
