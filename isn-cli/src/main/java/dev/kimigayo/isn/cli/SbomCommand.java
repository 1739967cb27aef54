package dev.kimigayo.isn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.IsnException.Kind;
import dev.kimigayo.isn.core.txn.AtomicFile;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.sbom.InstalledSet;
import dev.kimigayo.isn.core.sbom.Sbom;
import dev.kimigayo.isn.core.sbom.SbomFormat;
import dev.kimigayo.isn.core.sbom.SbomPackage;
import dev.kimigayo.isn.core.sbom.SbomRequest;
import dev.kimigayo.isn.core.txn.Durability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code isn sbom --format cyclonedx|spdx [-o FILE]}: the installed root as a software bill of
 * materials (docs/sbom.md). A read-only query: no lock, no network, nothing written under the root.
 */
@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = "Write a software bill of materials of the installed packages (versions, architectures,"
                + " licences, origins, repositories, package-file SHA-256, dependency edges) as CycloneDX 1.6"
                + " or SPDX 2.3 JSON. SOURCE_DATE_EPOCH sets its timestamp (default: now).",
        footer = {"%nExamples:", "  isn sbom --format cyclonedx -o bom.cdx.json",
            "  isn --root ./rootfs sbom --format spdx > rootfs.spdx.json"})
public final class SbomCommand extends PackageCommand {

    @Option(names = "--format", required = true, paramLabel = "FORMAT", completionCandidates = Formats.class,
            description = "cyclonedx (CycloneDX 1.6) or spdx (SPDX 2.3).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the SBOM to FILE"
            + " (default: standard output; required with --json).")
    Path file;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException, IOException {
        if (settings.json() && file == null) {
            throw new CliException("sbom-needs-output", Kind.USAGE, "with --json, stdout carries isn's report:"
                    + " give the SBOM a file with -o FILE");
        }
        SbomFormat f = format(format);
        EngineSettings engine = EngineSetup.of(parent.context(), settings, output, "isn sbom");
        OptionalLong epoch = PackCommand.epoch(parent.context().env().get("SOURCE_DATE_EPOCH"));
        Instant created = epoch.isPresent() ? Instant.ofEpochSecond(epoch.getAsLong()) : engine.clock().instant();
        SbomRequest request = new SbomRequest(f, created, toolVersion());
        InstalledSet set = InstalledSet.read(engine);
        byte[] sbom = Sbom.write(set, request);
        List<String> unhashed = set.packages().stream().filter(p -> p.fileSha256() == null)
                .map(SbomPackage::name).toList();
        if (!unhashed.isEmpty()) {
            output.detail("no package-file SHA-256 recorded (virtual, or installed before isn recorded it): "
                    + String.join(" ", unhashed));
        }
        if (file != null) {
            AtomicFile.write(file.toAbsolutePath(), sbom, Durability.SYNC);
            output.info("OK: " + set.packages().size() + " packages described in " + file + " (" + f.cliName() + ")");
        } else {
            parent.context().out().write(sbom);
            parent.context().out().flush();
        }
        report.root().put("format", f.cliName()).put("file", file == null ? null : file.toString())
                .put("packages", set.packages().size()).put("edges", set.edges().size());
        var missing = report.root().putArray("without_sha256");
        unhashed.forEach(missing::add);
        return ExitCodes.OK;
    }

    /** isn's version as the SBOM names its tool: the build's, or {@code development} for a build without one. */
    private static String toolVersion() {
        String first = new IsnCommand.BuildVersion().getVersion()[0];
        String v = first.startsWith("isn ") ? first.substring(4) : first;
        return v.startsWith("(") ? "development" : v;
    }

    /** {@code cyclonedx} or {@code spdx}, any case. */
    static SbomFormat format(String value) throws CliException {
        for (SbomFormat f : SbomFormat.values()) {
            if (f.cliName().equals(value.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new CliException("usage", Kind.USAGE, "--format takes cyclonedx or spdx, not '" + value + "'");
    }

    /** The format names, for completion and help. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(SbomFormat.values()).stream().map(SbomFormat::cliName).iterator();
        }
    }
}
