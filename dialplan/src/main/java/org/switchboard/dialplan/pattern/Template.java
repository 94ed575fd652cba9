package org.switchboard.dialplan.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * A simple pattern's rewrite: literal text with {@code {1}}..{@code {9}} for the pattern's groups
 * and {@code {user}} for the whole number, e.g. {@code +4930{1}}. Immutable.
 */
final class Template {
    private static final int WHOLE = -1;

    /** Literal strings, and group numbers (boxed) or {@link #WHOLE}, in order. */
    private final List<Object> parts;

    private Template(List<Object> parts) {
        this.parts = parts;
    }

    static Template compile(String text, int groups) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '{') {
                if (c == '}') {
                    throw new RuleSyntaxException("rewrite", i, "} without {");
                }
                literal.append(c);
                continue;
            }
            int close = text.indexOf('}', i);
            if (close < 0) {
                throw new RuleSyntaxException("rewrite", i, "{ without }");
            }
            String name = text.substring(i + 1, close);
            Object part;
            if (name.equals("user")) {
                part = WHOLE;
            } else if (name.length() == 1 && name.charAt(0) >= '1' && name.charAt(0) <= '9') {
                int group = name.charAt(0) - '1';
                if (group >= groups) {
                    throw new RuleSyntaxException("rewrite", i, "{" + name + "} but the pattern has " + groups
                            + " group(s) (runs of x or [..], and *)");
                }
                part = group;
            } else {
                throw new RuleSyntaxException("rewrite", i, "unknown {" + name + "}: use {1}..{9} or {user}");
            }
            if (literal.length() > 0) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
            parts.add(part);
            i = close;
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return new Template(List.copyOf(parts));
    }

    String expand(String whole, String[] groups) {
        StringBuilder out = new StringBuilder(whole.length() + 8);
        for (Object part : parts) {
            if (part instanceof String s) {
                out.append(s);
            } else {
                int group = (Integer) part;
                out.append(group == WHOLE ? whole : groups[group]);
            }
        }
        return out.toString();
    }
}
