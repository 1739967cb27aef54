package dev.kimigayo.isn.cli;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.inspect.Audit;
import dev.kimigayo.isn.core.inspect.AuditFinding;
import dev.kimigayo.isn.core.inspect.Damage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isn audit [PKG…]}, as apk's {@code audit}: one line per installed path that differs from
 * the database, {@code LETTERS /path} on stdout (docs/user-guide.md, "Auditing the root"); exit 1
 * when anything differs, 0 when the root matches. Reads only: {@code isn fix} repairs.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"List installed paths whose content, mode, owner, link target or type differ from the"
            + " package database, one per line: LETTERS /PATH (D missing, T type, C content, M mode, O owner,"
            + " L link target, A new with --new).",
            "Exits 1 when anything differs, 0 when nothing does. Changes nothing and needs no network;"
            + " 'isn fix' repairs."})
public final class AuditCommand extends PackageCommand {

    @Parameters(paramLabel = "PKG", arity = "0..*", description = "Packages to audit (default: every installed one).")
    List<String> packages = new ArrayList<>();

    @Option(names = "--new", description = "Also list files and directories in the packages' directories that no"
            + " package installed (A).")
    boolean newFiles;

    @Option(names = "--no-config", description = "Leave configuration files (PKGINFO config, etc/) out.")
    boolean noConfig;

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        var engine = EngineSetup.of(parent.context(), settings, output, "isn audit");
        List<AuditFinding> findings = Audit.run(engine, new Audit.Request(packages, newFiles, !noConfig));
        ArrayNode array = report.root().putArray("findings");
        for (AuditFinding f : findings) {
            ObjectNode o = array.addObject().put("path", "/" + f.path()).put("package", f.pkg())
                    .put("config", f.config()).put("new", f.isNew()).put("letters", letters(f));
            ArrayNode differences = o.putArray("differences");
            f.differences().forEach(d -> differences.add(d.code()));
            if (!settings.json()) {
                parent.context().out().println(letters(f) + " /" + f.path());
            }
        }
        report.root().put("ok", findings.isEmpty());
        output.info(findings.isEmpty() ? "OK: every audited path matches the package database"
                : findings.size() + " path" + (findings.size() == 1 ? " differs" : "s differ")
                        + " from the package database ('isn fix' reinstalls damaged packages)");
        return findings.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The letter code of a finding: {@code A} for a new path, else one letter per difference. */
    static String letters(AuditFinding f) {
        if (f.isNew()) {
            return "A";
        }
        StringBuilder b = new StringBuilder();
        for (Damage.Problem p : f.differences()) {
            b.append(switch (p) {
                case MISSING -> 'D';
                case TYPE -> 'T';
                case CONTENT -> 'C';
                case MODE -> 'M';
                case OWNER -> 'O';
                case LINK_TARGET -> 'L';
            });
        }
        return b.toString();
    }
}
