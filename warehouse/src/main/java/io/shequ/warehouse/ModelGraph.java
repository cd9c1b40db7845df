package io.shequ.warehouse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Orders models so that each is built after every model it reads and every model its
 * relationship tests point at. Ties go by name, so the order is the same on every machine.
 */
final class ModelGraph {

    private ModelGraph() {}

    /**
     * The models in build order.
     *
     * @param sources names that exist before any model is built (lake schema, meta tables)
     * @throws IllegalStateException naming the model, if a model reads a name that is neither a
     *     model nor a source, or if models read each other in a cycle
     */
    static List<Model> order(Collection<Model> models, Set<String> sources) {
        Map<String, Model> byName = new TreeMap<>();
        models.forEach(m -> byName.put(m.name(), m));
        Map<String, Set<String>> dependsOn = new HashMap<>();
        for (Model model : byName.values()) {
            Set<String> edges = new TreeSet<>();
            List<String> needed = new ArrayList<>(model.references());
            if (model.spec() != null) {
                needed.addAll(model.spec().testedAgainst());
            }
            for (String reference : needed) {
                if (reference.equals(model.name()) || sources.contains(reference) && !byName.containsKey(reference)) {
                    continue;
                }
                if (!byName.containsKey(reference)) {
                    throw new IllegalStateException("model " + model.name() + " (" + model.origin() + ") references "
                            + reference + ", which is neither a model nor a lake table");
                }
                edges.add(reference);
            }
            dependsOn.put(model.name(), edges);
        }
        List<Model> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (ordered.size() < byName.size()) {
            String ready = byName.keySet().stream()
                    .filter(name -> !done.contains(name) && done.containsAll(dependsOn.get(name)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "models reference each other in a cycle: " + cycle(dependsOn, done)));
            done.add(ready);
            ordered.add(byName.get(ready));
        }
        return ordered;
    }

    /** One cycle among the models not yet ordered, as {@code a → b → a}. */
    private static String cycle(Map<String, Set<String>> dependsOn, Set<String> done) {
        String start = new TreeSet<>(dependsOn.keySet())
                .stream().filter(n -> !done.contains(n)).findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        String current = start;
        while (!path.contains(current)) {
            path.add(current);
            current = dependsOn.get(current).stream()
                    .filter(n -> !done.contains(n))
                    .findFirst()
                    .orElseThrow();
        }
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        loop.add(current);
        return String.join(" → ", loop);
    }
}
