package nl.weerbaar.contracts.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The providers' dependency graph (provider id to the ids it depends on), checked once where it enters the system —
 * a scenario file, a provider registered over the API — so nothing ever loops over a cycle.
 */
public final class DependencyGraph {

    private DependencyGraph() {
    }

    /** The first cycle as the path that closes it ({@code a, b, c, a}), if there is one. */
    public static Optional<List<String>> cycle(Map<String, List<String>> edges) {
        Map<String, Integer> colour = new HashMap<>();
        for (String node : edges.keySet()) {
            List<String> path = new ArrayList<>();
            if (visit(node, edges, colour, path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** Every node after the nodes it depends on; unknown dependencies are ignored. Requires an acyclic graph. */
    public static List<String> dependenciesFirst(Map<String, List<String>> edges) {
        List<String> order = new ArrayList<>();
        Map<String, Boolean> done = new LinkedHashMap<>();
        for (String node : edges.keySet()) {
            place(node, edges, done, order);
        }
        return order;
    }

    private static void place(String node, Map<String, List<String>> edges, Map<String, Boolean> done,
                              List<String> order) {
        if (done.containsKey(node) || !edges.containsKey(node)) {
            return;
        }
        done.put(node, true);
        edges.get(node).forEach(next -> place(next, edges, done, order));
        order.add(node);
    }

    private static boolean visit(String node, Map<String, List<String>> edges, Map<String, Integer> colour,
                                 List<String> path) {
        int state = colour.getOrDefault(node, 0);
        if (state == 2) {
            return false;
        }
        path.add(node);
        if (state == 1) {
            path.subList(0, path.indexOf(node)).clear();
            return true;
        }
        colour.put(node, 1);
        for (String next : edges.getOrDefault(node, List.of())) {
            if (visit(next, edges, colour, path)) {
                return true;
            }
        }
        colour.put(node, 2);
        path.removeLast();
        return false;
    }
}
