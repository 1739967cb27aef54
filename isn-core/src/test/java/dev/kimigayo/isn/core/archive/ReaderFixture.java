package dev.kimigayo.isn.core.archive;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.Optional;

/** Shared helpers for reader tests: verify bytes and expect a specific refusal. */
final class ReaderFixture {

    /** Accepts any PKGINFO without a signature check, like {@code --allow-untrusted}. */
    static final PackageTrust ANY = (pkginfo, signature, source) -> Optional.empty();

    private ReaderFixture() {
    }

    static OpenPackage verify(byte[] pkg) throws Exception {
        return new PackageReader(ANY).verify(new ByteArrayInputStream(pkg), "t.isn");
    }

    static <T extends PackageRejectedException> T refused(Class<T> type, byte[] pkg) {
        return assertThrows(type, () -> verify(pkg));
    }
}
