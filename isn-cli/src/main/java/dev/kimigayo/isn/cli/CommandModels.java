package dev.kimigayo.isn.cli;

import java.util.List;

import picocli.CommandLine.Model.CommandSpec;

/**
 * The picocli models of isn's commands, built without reading annotations. The implementation,
 * {@code GeneratedCommandModels}, is written at build time by ModelGenerator (isn-cli/src/build)
 * from the annotations on the command classes; a class it does not know gets null from every
 * method, and {@link Commands} then lets picocli read its annotations as usual.
 */
interface CommandModels {

    /** The name and aliases of command class {@code c}, or null. */
    List<String> namesOf(Class<?> c);

    /** A new instance of subcommand class {@code c}, or null. */
    Object create(Class<?> c);

    /** The model of {@code command}, its fields bound to the options, or null. */
    CommandSpec specOf(Object command, IsnCommand parent);

    /** The generated models, or one that knows no command when the build did not generate them. */
    static CommandModels load() {
        try {
            return (CommandModels) Class.forName("dev.kimigayo.isn.cli.GeneratedCommandModels")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            return new CommandModels() {
                @Override
                public List<String> namesOf(Class<?> c) {
                    return null;
                }

                @Override
                public Object create(Class<?> c) {
                    return null;
                }

                @Override
                public CommandSpec specOf(Object command, IsnCommand parent) {
                    return null;
                }
            };
        }
    }
}
