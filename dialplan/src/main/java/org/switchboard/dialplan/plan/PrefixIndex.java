package org.switchboard.dialplan.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A prefix tree over the rules' literal prefixes (what every number a rule accepts starts with:
 * {@code 0049} for {@code 0049*}, {@code 9} for {@code !^9(\d+)$!\1!}). For a number it gives, in
 * rule order, the only rules that can match it (those whose prefix the number starts with, and those
 * without one), so evaluation skips every rule whose prefix differs at once; and the rules whose
 * prefix the number is a proper prefix of, which could accept it with more digits (484). Immutable
 * and thread-safe.
 */
final class PrefixIndex {
    private static final int[] NONE = new int[0];

    private final Node root;

    private static final class Node {
        final Map<Character, Node> children = new HashMap<>();
        /** Rules whose prefix ends here, ascending. */
        int[] here = NONE;
        /** Rules whose prefix runs on below this node, ascending. */
        int[] below = NONE;
    }

    /** @param prefixes the literal prefix of each rule, by rule index */
    PrefixIndex(List<String> prefixes) {
        Map<Node, List<Integer>> here = new HashMap<>();
        Map<Node, List<Integer>> below = new HashMap<>();
        root = new Node();
        for (int rule = 0; rule < prefixes.size(); rule++) {
            Node node = root;
            for (char c : prefixes.get(rule).toCharArray()) {
                below.computeIfAbsent(node, n -> new ArrayList<>()).add(rule);
                node = node.children.computeIfAbsent(c, k -> new Node());
            }
            here.computeIfAbsent(node, n -> new ArrayList<>()).add(rule);
        }
        here.forEach((node, rules) -> node.here = toArray(rules));
        below.forEach((node, rules) -> node.below = toArray(rules));
    }

    private static int[] toArray(List<Integer> rules) {
        return rules.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The rules that may match {@code number}, ascending. */
    int[] candidates(String number) {
        int[] found = root.here;
        Node node = root;
        for (int i = 0; i < number.length(); i++) {
            node = node.children.get(number.charAt(i));
            if (node == null) {
                break;
            }
            found = found.length == 0 ? node.here : merge(found, node.here);
        }
        return found;
    }

    /** The rules whose prefix is longer than {@code number} and starts with it, ascending. */
    int[] longer(String number) {
        Node node = root;
        for (int i = 0; i < number.length() && node != null; i++) {
            node = node.children.get(number.charAt(i));
        }
        return node == null ? NONE : node.below;
    }

    private static int[] merge(int[] a, int[] b) {
        if (b.length == 0) {
            return a;
        }
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        Arrays.sort(out);
        return out;
    }
}
