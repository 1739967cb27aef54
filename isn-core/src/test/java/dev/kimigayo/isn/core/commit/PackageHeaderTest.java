package dev.kimigayo.isn.core.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.core.archive.PackageBuilder;
import dev.kimigayo.isn.core.archive.PackageReader;
import dev.kimigayo.isn.core.archive.PackageTrust;
import dev.kimigayo.isn.core.plan.Change;
import dev.kimigayo.isn.core.plan.LocalPackage;
import dev.kimigayo.isn.core.plan.PackageOrigin;
import dev.kimigayo.isn.core.plan.TxnStep;
import dev.kimigayo.isn.core.solver.SolverPackage;
import dev.kimigayo.isn.db.InstallReason;

/**
 * A local package file is the package planned from it: replaced between planning and
 * installing (or between reading the header and streaming the payload) it is refused with
 * both identities named, before anything is extracted.
 */
class PackageHeaderTest {

    private static final PackageTrust ANY = (pkginfo, signature, source) -> Optional.empty();

    @TempDir
    Path tmp;
    PackageReader reader;
    Path hello1;
    Path hello2;

    @BeforeEach
    void packages() throws Exception {
        reader = new PackageReader(ANY);
        hello1 = pack("hello", "1.0-r0", "one\n");
        hello2 = pack("hello", "2.0-r0", "two\n");
    }

    private Path pack(String name, String version, String content) throws Exception {
        Path src = tmp.resolve("src/" + name + "-" + version);
        Files.createDirectories(src.resolve("usr/share/" + name));
        Files.writeString(src.resolve("PKGINFO"), "name = " + name + "\nversion = " + version + "\narchitecture = noarch\n");
        Files.writeString(src.resolve("usr/share/" + name + "/data"), content);
        return new PackageBuilder(OptionalLong.of(0), null).build(src, Files.createDirectories(tmp.resolve("out"))).file();
    }

    private static TxnStep step(Path file, PackageHeader planned) {
        SolverPackage pkg = new SolverPackage(planned.info().name(), planned.info().version(), "noarch", List.of(),
                List.of(), List.of(), 0, planned.info().sha256(), new LocalPackage(file, planned.info()));
        return new TxnStep(new Change(Change.Action.INSTALL, pkg.name(), null, pkg.version()), file, pkg,
                new PackageOrigin.Local(new LocalPackage(file, planned.info())), null,
                InstallReason.EXPLICIT, file.toString(), null, -1);
    }

    @Test
    void theSameFileIsAccepted() throws Exception {
        Path local = Files.copy(hello1, tmp.resolve("local.isn"));
        PackageHeader planned = PackageHeader.read(reader, local, "local.isn");
        PackageHeader h = PackageHeader.read(reader, local, "local.isn");
        h.checkPlanned(step(local, planned));
        List<String> paths = new ArrayList<>();
        h.extract(reader, (entry, content) -> {
            paths.add(entry.path());
            content.transferTo(java.io.OutputStream.nullOutputStream());
        });
        assertTrue(paths.contains("usr/share/hello/data"), paths.toString());
    }

    @Test
    void aLocalFileReplacedAfterPlanningIsRefused() throws Exception {
        Path local = Files.copy(hello1, tmp.resolve("local.isn"));
        PackageHeader planned = PackageHeader.read(reader, local, "local.isn");
        Files.copy(hello2, local, StandardCopyOption.REPLACE_EXISTING);
        PackageHeader now = PackageHeader.read(reader, local, "local.isn");
        PackageChangedException e = assertThrows(PackageChangedException.class, () -> now.checkPlanned(step(local, planned)));
        assertEquals("package-changed", e.code());
        assertTrue(e.getMessage().contains("hello 1.0-r0") && e.getMessage().contains("hello 2.0-r0"), e.getMessage());
        assertTrue(e.getMessage().contains(local.toString()), e.getMessage());
    }

    @Test
    void aFileReplacedBetweenHeaderAndPayloadIsRefusedBeforeAnyEntry() throws Exception {
        Path local = Files.copy(hello1, tmp.resolve("local.isn"));
        PackageHeader h = PackageHeader.read(reader, local, "local.isn");
        Files.copy(hello2, local, StandardCopyOption.REPLACE_EXISTING);
        List<String> seen = new ArrayList<>();
        PackageChangedException e = assertThrows(PackageChangedException.class,
                () -> h.extract(reader, (entry, content) -> seen.add(entry.path())));
        assertEquals(List.of(), seen, "no entry reached the sink");
        assertTrue(e.getMessage().contains("held hello 1.0-r0") && e.getMessage().contains("now holds hello 2.0-r0"),
                e.getMessage());
    }
}
