package dev.kimigayo.isn.core.repo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.ConstraintSyntaxException;
import dev.kimigayo.isn.core.version.Provide;

/** Writes and reads one package object of an index (field table in docs/format-index.md). */
final class IndexEntryJson {

    /** Turns a detail into the index-level refusal, with the parser's position. */
    @FunctionalInterface
    interface Failure {
        MalformedIndexException at(String detail);
    }

    private IndexEntryJson() {
    }

    /** Writes {@code e} as one compact object, keys in canonical order, empty values omitted. */
    static void write(IndexEntry e, JsonGenerator g) throws IOException {
        PkgInfo p = e.info();
        g.writeStartObject();
        g.writeStringField("name", p.name());
        g.writeStringField("version", p.version());
        g.writeStringField("architecture", p.architecture());
        g.writeStringField("file", e.file());
        g.writeNumberField("file_size", e.fileSize());
        g.writeStringField("file_sha256", e.fileSha256());
        text(g, "description", p.description());
        text(g, "url", p.url());
        text(g, "license", p.license());
        text(g, "origin", p.origin());
        text(g, "maintainer", p.maintainer());
        g.writeNumberField("build_date", p.buildDate());
        g.writeNumberField("size", p.size());
        text(g, "sha256", p.sha256());
        if (p.providerPriority() != 0) {
            g.writeNumberField("provider_priority", p.providerPriority());
        }
        list(g, "depends", p.depends());
        list(g, "provides", p.provides());
        list(g, "install_if", p.installIf());
        list(g, "replaces", p.replaces());
        list(g, "config", p.config());
        list(g, "setuid", p.setuid());
        if (!p.unknown().isEmpty()) {
            g.writeObjectFieldStart("pkginfo_unknown");
            for (Map.Entry<String, List<String>> u : p.unknown().entrySet()) {
                list(g, u.getKey(), u.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String key, String value) throws IOException {
        if (value != null) {
            g.writeStringField(key, value);
        }
    }

    private static void list(JsonGenerator g, String key, List<?> values) throws IOException {
        if (!values.isEmpty()) {
            g.writeArrayFieldStart(key);
            for (Object v : values) {
                g.writeString(v.toString());
            }
            g.writeEndArray();
        }
    }

    /** Reads one package object; the parser is on its START_OBJECT and is left on its END_OBJECT. */
    static IndexEntry read(JsonParser p, String where, Failure fail, ValueTable values)
            throws IOException, MalformedIndexException {
        EntryFields f = new EntryFields(values);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            f.set(p, key, value, where, fail);
        }
        return f.build(where, fail);
    }

    /** The fields of one package object as they are read, checked, and assembled. */
    private static final class EntryFields {
        final ValueTable values;
        String name;
        String version;
        String architecture;
        String file;
        Long fileSize;
        String fileSha256;
        String description;
        String url;
        String license;
        String origin;
        String maintainer;
        long buildDate;
        long size;
        String sha256;
        long providerPriority;
        List<String> depends = List.of();
        List<String> provides = List.of();
        List<String> installIf = List.of();
        List<String> replaces = List.of();
        List<String> config = List.of();
        List<String> setuid = List.of();
        Map<String, List<String>> unknown = Map.of();

        EntryFields(ValueTable values) {
            this.values = values;
        }

        void set(JsonParser p, String key, JsonToken v, String where, Failure fail)
                throws IOException, MalformedIndexException {
            String at = where + "." + key;
            switch (key) {
                case "name" -> name = values.string(string(p, v, at, fail));
                case "version" -> version = values.string(string(p, v, at, fail));
                case "architecture" -> architecture = values.string(string(p, v, at, fail));
                case "file" -> file = string(p, v, at, fail);
                case "file_size" -> fileSize = integer(p, v, at, fail);
                case "file_sha256" -> fileSha256 = string(p, v, at, fail);
                case "description" -> description = string(p, v, at, fail);
                case "url" -> url = string(p, v, at, fail);
                case "license" -> license = values.string(string(p, v, at, fail));
                case "origin" -> origin = values.string(string(p, v, at, fail));
                case "maintainer" -> maintainer = values.string(string(p, v, at, fail));
                case "build_date" -> buildDate = integer(p, v, at, fail);
                case "size" -> size = integer(p, v, at, fail);
                case "sha256" -> sha256 = string(p, v, at, fail);
                case "provider_priority" -> providerPriority = integer(p, v, at, fail);
                case "depends" -> depends = strings(p, v, at, fail);
                case "provides" -> provides = strings(p, v, at, fail);
                case "install_if" -> installIf = strings(p, v, at, fail);
                case "replaces" -> replaces = strings(p, v, at, fail);
                case "config" -> config = strings(p, v, at, fail);
                case "setuid" -> setuid = strings(p, v, at, fail);
                case "pkginfo_unknown" -> unknown = unknownKeys(p, v, at, fail);
                default -> p.skipChildren();
            }
        }

        IndexEntry build(String where, Failure fail) throws MalformedIndexException {
            for (String[] required : new String[][] {{"name", name}, {"version", version},
                    {"architecture", architecture}, {"file", file}, {"file_sha256", fileSha256}}) {
                if (required[1] == null) {
                    throw fail.at(where + ": required field '" + required[0] + "' is missing");
                }
            }
            if (fileSize == null) {
                throw fail.at(where + ": required field 'file_size' is missing");
            }
            if (providerPriority > Integer.MAX_VALUE) {
                throw fail.at(where + ".provider_priority: " + providerPriority + " is too large");
            }
            String current = "depends";
            try {
                List<Constraint> dep = constraints(depends);
                current = "install_if";
                List<Constraint> iif = constraints(installIf);
                current = "replaces";
                List<Constraint> repl = constraints(replaces);
                current = "provides";
                List<Provide> prov = new ArrayList<>(provides.size());
                for (String s : provides) {
                    prov.add(values.provide(s));
                }
                current = "PKGINFO values";
                PkgInfo info = new PkgInfo(name, version, architecture, description, url, license, dep, prov, iif,
                        repl, (int) providerPriority, origin, maintainer, buildDate, size, sha256, config,
                        setuid, unknown);
                current = "file fields";
                return new IndexEntry(info, file, fileSize, fileSha256);
            } catch (ConstraintSyntaxException | IllegalArgumentException e) {
                throw fail.at(where + " (" + (name == null ? "?" : name) + "): invalid " + current + ": " + e.getMessage());
            }
        }

        private List<Constraint> constraints(List<String> texts) throws ConstraintSyntaxException {
            List<Constraint> out = new ArrayList<>(texts.size());
            for (String s : texts) {
                out.add(values.constraint(s));
            }
            return out;
        }
    }

    private static String string(JsonParser p, JsonToken v, String at, Failure fail) throws IOException, MalformedIndexException {
        if (v != JsonToken.VALUE_STRING) {
            throw fail.at(at + " must be a string but is " + IndexJsonParser.describe(v));
        }
        return p.getText();
    }

    private static long integer(JsonParser p, JsonToken v, String at, Failure fail) throws IOException, MalformedIndexException {
        if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                || p.getLongValue() < 0) {
            throw fail.at(at + " must be an integer from 0 to 2^63-1 but is " + p.getText());
        }
        return p.getLongValue();
    }

    private static List<String> strings(JsonParser p, JsonToken v, String at, Failure fail)
            throws IOException, MalformedIndexException {
        if (v != JsonToken.START_ARRAY) {
            throw fail.at(at + " must be an array of strings but is " + IndexJsonParser.describe(v));
        }
        List<String> out = new ArrayList<>();
        for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
            out.add(string(p, t, at + "[" + out.size() + "]", fail));
        }
        return out;
    }

    private static Map<String, List<String>> unknownKeys(JsonParser p, JsonToken v, String at, Failure fail)
            throws IOException, MalformedIndexException {
        if (v != JsonToken.START_OBJECT) {
            throw fail.at(at + " must be an object but is " + IndexJsonParser.describe(v));
        }
        Map<String, List<String>> out = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            out.put(key, strings(p, p.nextToken(), at + "." + key, fail));
        }
        return out;
    }
}
