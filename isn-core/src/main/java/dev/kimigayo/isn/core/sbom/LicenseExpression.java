package dev.kimigayo.isn.core.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a PKGINFO licence reads as an SPDX licence expression ({@code MIT}, {@code GPL-2.0-or-later
 * AND (MIT OR Apache-2.0)}, {@code GPL-2.0-only WITH Classpath-exception-2.0}). Only the syntax is
 * checked, not the identifiers against the SPDX list: a packager's {@code GPL2} passes, a
 * {@code custom:foo} or free text does not and is written as a licence name (CycloneDX) or as
 * {@code NOASSERTION} with a comment (SPDX), so no document claims a malformed expression.
 */
final class LicenseExpression {

    private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|[A-Za-z0-9.+:-]+)");
    private static final Pattern ID = Pattern.compile(
            "(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.-]*\\+?");

    private final List<String> tokens;
    private int at;

    private LicenseExpression(List<String> tokens) {
        this.tokens = tokens;
    }

    /** True when {@code text} is a syntactically valid SPDX licence expression. */
    static boolean isValid(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int end = 0;
        while (m.find() && m.start() == end) {
            tokens.add(m.group(1));
            end = m.end();
        }
        if (!text.substring(end).isBlank()) {
            return false;
        }
        LicenseExpression p = new LicenseExpression(tokens);
        return p.compound() && p.at == tokens.size();
    }

    // compound := term (("AND" | "OR") term)*; term := "(" compound ")" | id ["WITH" id]
    private boolean compound() {
        if (!term()) {
            return false;
        }
        while (at < tokens.size() && (tokens.get(at).equals("AND") || tokens.get(at).equals("OR"))) {
            at++;
            if (!term()) {
                return false;
            }
        }
        return true;
    }

    private boolean term() {
        if (at < tokens.size() && tokens.get(at).equals("(")) {
            at++;
            if (!compound() || at >= tokens.size() || !tokens.get(at).equals(")")) {
                return false;
            }
            at++;
            return true;
        }
        if (!id()) {
            return false;
        }
        if (at < tokens.size() && tokens.get(at).equals("WITH")) {
            at++;
            return id();
        }
        return true;
    }

    private boolean id() {
        if (at >= tokens.size()) {
            return false;
        }
        String t = tokens.get(at);
        if (t.equals("AND") || t.equals("OR") || t.equals("WITH") || !ID.matcher(t).matches()) {
            return false;
        }
        at++;
        return true;
    }
}
