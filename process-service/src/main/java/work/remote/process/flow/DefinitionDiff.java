package work.remote.process.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import work.remote.process.KeyPoint;
import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessRole;
import work.remote.process.Step;

/** What changed between two definitions: title and owner, outline fields, steps, roles and key points. */
public record DefinitionDiff(List<FieldChange> fields, Changes<Step> steps, Changes<ProcessRole> roles,
        Changes<KeyPoint> keyPoints) {

    /** A changed value, e.g. {@code outline.when}. */
    public record FieldChange(String field, String from, String to) {
    }

    /** An element present in both, matched by its identity, whose content differs. */
    public record Changed<T>(String id, T from, T to) {
    }

    public record Changes<T>(List<T> added, List<T> removed, List<Changed<T>> changed) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    public static DefinitionDiff between(ProcessDefinition from, ProcessDefinition to) {
        List<FieldChange> fields = new ArrayList<>();
        Map<String, String> before = fieldsOf(from);
        Map<String, String> after = fieldsOf(to);
        before.forEach((name, value) -> {
            if (!Objects.equals(value, after.get(name))) {
                fields.add(new FieldChange(name, value, after.get(name)));
            }
        });
        return new DefinitionDiff(fields, compare(from.steps(), to.steps(), Step::id),
                compare(from.roles(), to.roles(), ProcessRole::name),
                compare(from.keyPoints(), to.keyPoints(), point -> point.stepId() + ": " + point.check()));
    }

    public boolean isEmpty() {
        return fields.isEmpty() && steps.isEmpty() && roles.isEmpty() && keyPoints.isEmpty();
    }

    private static <T> Changes<T> compare(List<T> from, List<T> to, Function<T, String> identity) {
        Map<String, T> before = index(from, identity);
        Map<String, T> after = index(to, identity);
        List<T> added = after.entrySet().stream().filter(entry -> !before.containsKey(entry.getKey()))
                .map(Map.Entry::getValue).toList();
        List<T> removed = before.entrySet().stream().filter(entry -> !after.containsKey(entry.getKey()))
                .map(Map.Entry::getValue).toList();
        List<Changed<T>> changed = after.entrySet().stream()
                .filter(entry -> before.containsKey(entry.getKey())
                        && !before.get(entry.getKey()).equals(entry.getValue()))
                .map(entry -> new Changed<>(entry.getKey(), before.get(entry.getKey()), entry.getValue()))
                .toList();
        return new Changes<>(added, removed, changed);
    }

    private static <T> Map<String, T> index(List<T> elements, Function<T, String> identity) {
        Map<String, T> index = new LinkedHashMap<>();
        elements.forEach(element -> index.putIfAbsent(identity.apply(element), element));
        return index;
    }

    private static Map<String, String> fieldsOf(ProcessDefinition definition) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", definition.title());
        fields.put("owner", definition.owner());
        definition.outline().fields().forEach((name, value) -> fields.put("outline." + name, value));
        return fields;
    }
}
