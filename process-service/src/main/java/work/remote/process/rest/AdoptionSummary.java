package work.remote.process.rest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import work.remote.process.AdoptionFeedback;
import work.remote.process.Checklist;

/** How the rolled-out process works for its participants: ratings, problems, suggestions, who has not answered. */
public record AdoptionSummary(UUID rolloutId, int participants, int responses, Double averageRating,
        Map<Integer, Long> ratings, List<String> notAnswered, List<Answer> answers) {

    public record Answer(String person, String personName, String role, int rating, String problems,
            String suggestions, Instant givenAt) {
    }

    public static AdoptionSummary of(UUID rolloutId, List<Checklist> checklists, List<AdoptionFeedback> feedback) {
        Map<String, AdoptionFeedback> byPerson = feedback.stream()
                .collect(Collectors.toMap(answer -> answer.person, Function.identity()));
        Map<String, String> names = new HashMap<>();
        checklists.forEach(checklist -> names.put(checklist.person, checklist.personName));
        Map<Integer, Long> ratings = new TreeMap<>(feedback.stream()
                .collect(Collectors.groupingBy(answer -> answer.rating, Collectors.counting())));
        Double average = feedback.isEmpty() ? null
                : feedback.stream().mapToInt(answer -> answer.rating).average().orElseThrow();
        return new AdoptionSummary(rolloutId, checklists.size(), feedback.size(), average, ratings,
                checklists.stream().map(checklist -> checklist.person).filter(person -> !byPerson.containsKey(person))
                        .toList(),
                feedback.stream().map(answer -> new Answer(answer.person, names.get(answer.person), answer.role,
                        answer.rating, answer.problems, answer.suggestions, answer.givenAt)).toList());
    }
}
