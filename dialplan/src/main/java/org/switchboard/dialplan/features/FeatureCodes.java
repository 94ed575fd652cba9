package org.switchboard.dialplan.features;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.switchboard.dialplan.target.Targets;

/**
 * The codes a phone dials to switch its user's features, from the options {@code code.forward-on},
 * {@code code.forward-off}, {@code code.dnd-on} and {@code code.dnd-off} (defaults {@code *72},
 * {@code *73}, {@code *78}, {@code *79}, the common style). Forward-on takes the target after the
 * code ({@code *720301234}); the others are dialled alone. Immutable.
 */
public final class FeatureCodes {
    /** The option names, by feature. */
    public static final Map<FeatureChange.Kind, String> OPTIONS = Map.of(
            FeatureChange.Kind.FORWARD_ON, "code.forward-on", FeatureChange.Kind.FORWARD_OFF, "code.forward-off",
            FeatureChange.Kind.DND_ON, "code.dnd-on", FeatureChange.Kind.DND_OFF, "code.dnd-off");
    /** The defaults, by feature. */
    public static final Map<FeatureChange.Kind, String> DEFAULTS = Map.of(
            FeatureChange.Kind.FORWARD_ON, "*72", FeatureChange.Kind.FORWARD_OFF, "*73",
            FeatureChange.Kind.DND_ON, "*78", FeatureChange.Kind.DND_OFF, "*79");

    /** Codes by feature, longest first so that a code that starts another is tried after it. */
    private final List<Map.Entry<FeatureChange.Kind, String>> codes;

    private FeatureCodes(Map<FeatureChange.Kind, String> codes) {
        this.codes = codes.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<FeatureChange.Kind, String> e) -> -e.getValue().length()))
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }

    /**
     * The codes of the options, each defaulted when not set; a code set to {@code off} is not
     * recognised at all.
     *
     * @throws IllegalArgumentException if a code is empty or two codes are the same
     */
    public static FeatureCodes of(Map<String, String> options) {
        Map<FeatureChange.Kind, String> codes = new LinkedHashMap<>();
        for (FeatureChange.Kind kind : FeatureChange.Kind.values()) {
            String code = options.getOrDefault(OPTIONS.get(kind), DEFAULTS.get(kind)).trim();
            if (code.equalsIgnoreCase("off")) {
                continue;
            }
            check(OPTIONS.get(kind), code);
            if (codes.containsValue(code)) {
                throw new IllegalArgumentException(OPTIONS.get(kind) + ": " + code + " is already another feature's code");
            }
            codes.put(kind, code);
        }
        return new FeatureCodes(codes);
    }

    /**
     * @throws IllegalArgumentException if {@code code} is no code a phone could dial
     */
    public static void check(String option, String code) {
        if (code.isEmpty() || !Targets.isNumber(code)) {
            throw new IllegalArgumentException(option + ": '" + code + "' is not a code a phone can dial");
        }
    }

    /**
     * The change the dialled user part asks for, or {@code null} when it is no feature code. A
     * forward-on code without a target gives a change with an empty target.
     */
    public FeatureChange match(String dialled) {
        for (Map.Entry<FeatureChange.Kind, String> code : codes) {
            if (code.getKey() == FeatureChange.Kind.FORWARD_ON) {
                if (dialled.startsWith(code.getValue())) {
                    return new FeatureChange(code.getKey(), dialled.substring(code.getValue().length()));
                }
            } else if (dialled.equals(code.getValue())) {
                return new FeatureChange(code.getKey(), null);
            }
        }
        return null;
    }

    /** The code of a feature, or {@code null} when it is off. */
    public String code(FeatureChange.Kind kind) {
        Objects.requireNonNull(kind, "kind");
        return codes.stream().filter(e -> e.getKey() == kind).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
