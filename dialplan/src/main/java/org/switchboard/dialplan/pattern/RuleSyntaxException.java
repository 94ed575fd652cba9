package org.switchboard.dialplan.pattern;

/**
 * A rule's text that cannot be compiled, with the field and the position (0-based, in that field's
 * text) of the error, so that an admin sees where to look. Unchecked: thrown on save and on compile.
 */
public final class RuleSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final int position;

    /**
     * @param field the rule's field, e.g. {@code callee}
     * @param position where in the field's text, or -1 when the whole field is wrong
     * @param message what is wrong, for an admin
     */
    public RuleSyntaxException(String field, int position, String message) {
        super(field + (position >= 0 ? " at position " + position : "") + ": " + message);
        this.field = field;
        this.position = position;
    }

    public String field() {
        return field;
    }

    /** 0-based position in the field's text, or -1 when the whole field is wrong. */
    public int position() {
        return position;
    }
}
