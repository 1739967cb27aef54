package dev.kimigayo.isn.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The help of a subcommand ({@code isn install --help}, {@code isn help install}): the command's
 * own options in full, then only the names of the global options it also accepts, with a pointer
 * to {@code isn --help}, which describes them. Twenty global options repeated in full on every
 * command buried the two or three that command is about. {@code isn --help} is unchanged.
 */
final class CommandHelp implements CommandLine.IHelpFactory {

    static final String SECTION = "isnGlobalOptions";
    private static final int WIDTH = 80;

    @Override
    public Help create(CommandSpec spec, Help.ColorScheme colors) {
        CommandSpec top = spec.parent();
        if (top != null && top.parent() == null && !spec.usageMessage().sectionKeys().contains(SECTION)) {
            List<OptionSpec> global = hideGlobal(spec, top);
            if (!global.isEmpty()) {
                List<String> keys = new ArrayList<>(spec.usageMessage().sectionKeys());
                keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, SECTION);
                spec.usageMessage().sectionKeys(keys);
                spec.usageMessage().sectionMap().put(SECTION, help -> globalSection(global));
            }
        }
        return new Help(spec, colors);
    }

    /**
     * Replaces each option {@code spec} shares with {@code top} (bar -h and -V, which every
     * command describes itself) by a hidden copy, so neither the synopsis nor the list repeats
     * it; parsing is unchanged. Returns the originals, in declaration order.
     */
    private static List<OptionSpec> hideGlobal(CommandSpec spec, CommandSpec top) {
        Set<String> topNames = new HashSet<>();
        for (OptionSpec o : top.options()) {
            if (!o.usageHelp() && !o.versionHelp()) {
                topNames.add(o.longestName());
            }
        }
        List<OptionSpec> global = new ArrayList<>();
        for (OptionSpec o : List.copyOf(spec.options())) {
            if (topNames.contains(o.longestName()) && !o.hidden()) {
                global.add(o);
                spec.remove(o);
                spec.addOption(o.toBuilder().hidden(true).build());
            }
        }
        return global;
    }

    /** "Global options …:" and the option names, wrapped. */
    static String globalSection(List<OptionSpec> global) {
        StringBuilder text = new StringBuilder(String.format(
                "%nGlobal options (before or after the command name; 'isn --help' describes them):%n"));
        StringBuilder line = new StringBuilder(" ");
        for (int i = 0; i < global.size(); i++) {
            String item = " " + label(global.get(i)) + (i < global.size() - 1 ? "," : "");
            if (line.length() + item.length() > WIDTH) {
                text.append(line).append(String.format("%n"));
                line = new StringBuilder(" ");
            }
            line.append(item);
        }
        return text.append(line).append(String.format("%n")).toString();
    }

    private static String label(OptionSpec o) {
        String names = String.join("/", o.names());
        if (o.negatable()) {
            names = names.replaceFirst("^--", "--[no-]");
        }
        return o.arity().max() > 0 ? names + "=" + o.paramLabel() : names;
    }
}
