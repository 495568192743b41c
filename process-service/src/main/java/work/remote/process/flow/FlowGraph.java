package work.remote.process.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import work.remote.process.ProcessDefinition;
import work.remote.process.Step;

/** The flow of a definition as a graph: the first step is the start, {@code next} links are its arrows. */
public final class FlowGraph {

    /** An arrow between two existing steps. */
    public record Transition(Step from, Step to) {
    }

    private final List<Step> steps;
    private final Map<String, Step> byId = new LinkedHashMap<>();

    public FlowGraph(ProcessDefinition definition) {
        this.steps = definition.steps();
        for (Step step : steps) {
            byId.putIfAbsent(step.id(), step);
        }
    }

    public boolean contains(String stepId) {
        return byId.containsKey(stepId);
    }

    public Step step(String stepId) {
        return byId.get(stepId);
    }

    /** Arrows whose target exists, in step and then {@code next} order. */
    public List<Transition> transitions() {
        List<Transition> transitions = new ArrayList<>();
        for (Step from : byId.values()) {
            for (String target : from.next()) {
                if (byId.containsKey(target)) {
                    transitions.add(new Transition(from, byId.get(target)));
                }
            }
        }
        return transitions;
    }

    /** Step ids reachable from the start (including it). */
    public Set<String> reachableFromStart() {
        if (steps.isEmpty()) {
            return Set.of();
        }
        return walk(steps.get(0).id(), step -> step.next());
    }

    /** Step ids from which some end step can be reached (including the end steps). */
    public Set<String> reachingAnEnd() {
        Map<String, List<String>> predecessors = new LinkedHashMap<>();
        for (Transition transition : transitions()) {
            predecessors.computeIfAbsent(transition.to().id(), id -> new ArrayList<>()).add(transition.from().id());
        }
        Set<String> reaching = new LinkedHashSet<>();
        for (Step step : byId.values()) {
            if (step.end()) {
                reaching.addAll(walk(step.id(), current -> predecessors.getOrDefault(current.id(), List.of())));
            }
        }
        return reaching;
    }

    /** Steps in the order people meet them: breadth first from the start, then any unreachable ones as listed. */
    public List<Step> flowOrder() {
        Set<String> ordered = new LinkedHashSet<>(steps.isEmpty() ? Set.of() : reachableFromStart());
        ordered.addAll(byId.keySet());
        return ordered.stream().map(byId::get).toList();
    }

    private Set<String> walk(String from, Function<Step, List<String>> neighbours) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(from);
        seen.add(from);
        while (!queue.isEmpty()) {
            Step current = byId.get(queue.poll());
            for (String neighbour : neighbours.apply(current)) {
                if (byId.containsKey(neighbour) && seen.add(neighbour)) {
                    queue.add(neighbour);
                }
            }
        }
        return seen;
    }
}
