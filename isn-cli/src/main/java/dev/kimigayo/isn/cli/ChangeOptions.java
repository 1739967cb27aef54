package dev.kimigayo.isn.cli;

import picocli.CommandLine.Option;

/** The options every command that changes installed packages shares: simulate, skip scripts. */
public final class ChangeOptions {

    @Option(names = {"-s", "--dry-run", "--simulate"}, description = "Show what would change; change nothing.")
    boolean dryRun;

    @Option(names = "--no-scripts", description = "Do not run package scripts.")
    boolean noScripts;
}
