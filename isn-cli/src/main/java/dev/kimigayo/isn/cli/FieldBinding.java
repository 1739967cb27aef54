package dev.kimigayo.isn.cli;

import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Binds an option of the generated model to one field of a command, through the command's
 * generated {@link Fields} class: no reflection, and no lambda (each lambda is a class the JVM
 * links at start-up; two per option made {@code isn --help} 0.2 s slower). The field's value when
 * the model is built is the option's initial value, as picocli does for annotated fields.
 */
final class FieldBinding implements IGetter, ISetter {

    /** Reads and writes the bound fields of one command by slot number. */
    interface Fields {
        Object get(int slot);

        void set(int slot, Object value);
    }

    private final Fields fields;
    private final int slot;

    private FieldBinding(Fields fields, int slot) {
        this.fields = fields;
        this.slot = slot;
    }

    /** {@code option} reading and writing field {@code slot} of {@code fields}. */
    static OptionSpec.Builder bind(OptionSpec.Builder option, Fields fields, int slot) {
        FieldBinding binding = new FieldBinding(fields, slot);
        return option.getter(binding).setter(binding).initialValue(fields.get(slot));
    }

    /** {@code parameter} reading and writing field {@code slot} of {@code fields}. */
    static PositionalParamSpec.Builder bind(PositionalParamSpec.Builder parameter, Fields fields, int slot) {
        FieldBinding binding = new FieldBinding(fields, slot);
        return parameter.getter(binding).setter(binding).initialValue(fields.get(slot));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R get() {
        return (R) fields.get(slot);
    }

    @Override
    public <R> R set(R value) {
        R old = get();
        fields.set(slot, value);
        return old;
    }
}
