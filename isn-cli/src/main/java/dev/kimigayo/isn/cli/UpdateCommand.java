package dev.kimigayo.isn.cli;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.engine.Engine;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import picocli.CommandLine.Command;

/** {@code isn update}: fetch and verify every repository index (rollback and freeze refused). */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Fetch and verify the repository indexes (signature, expiry, serial).")
public final class UpdateCommand extends PackageCommand {

    @Override
    int run(Settings settings, Output output, JsonReport report) throws IsnException {
        List<LoadedRepository> repos = Engine.update(EngineSetup.of(parent.context(), settings, output, "isn update"));
        ArrayNode array = report.root().putArray("repositories");
        int packages = 0;
        for (LoadedRepository r : repos) {
            array.addObject().put("url", r.url()).put("serial", r.index().serial())
                    .put("expires", r.index().expires().toString()).put("packages", r.index().packages().size());
            packages += r.index().packages().size();
        }
        output.info("OK: " + packages + " distinct packages available");
        return ExitCodes.OK;
    }
}
