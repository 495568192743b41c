package work.remote.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static work.remote.process.Api.as;
import static work.remote.process.Api.asPerson;
import static work.remote.process.Api.participant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.process.AdoptionFeedbackRequested;
import work.remote.platform.links.Links;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.testing.TestClock;
import work.remote.process.config.ProcessConfig;
import work.remote.process.service.AdoptionFollowUp;

/**
 * The playbook's Check step, "afterwards, ask people how the process works for them": on a rollout's follow-up date
 * each participant who has not given adoption feedback is asked, once, also across replicas; time is moved, not
 * waited for.
 */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class AdoptionFollowUpTest {

    static RecordingConsumer topic;

    @Inject
    TestClock clock;

    @Inject
    AdoptionFollowUp followUp;

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    Links links;

    @Inject
    ProcessConfig config;

    @BeforeAll
    static void listen() {
        topic = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(), ProcessEventsTest.TOPIC);
    }

    @AfterAll
    static void stopListening() {
        topic.close();
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    /** Starts a rollout of a new review process to ana (author), bo and cy (reviewers); returns (process, rollout). */
    private static String[] rolledOut(Instant followUpAt) {
        String process = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        Map<String, Object> plan = new HashMap<>(Map.of("participants", List.of(participant("ana", "author", null),
                participant("bo", "reviewer", "ana"), participant("cy", "reviewer", "ana"))));
        if (followUpAt != null) {
            plan.put("followUpAt", followUpAt.toString());
        }
        String rollout = as("product").body(plan).when().post("/processes/{id}/rollouts", process).then()
                .statusCode(201).extract().path("id");
        return new String[] { process, rollout };
    }

    private static JsonPath rollout(String id) {
        return as("ops").when().get("/rollouts/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static void answer(String rollout, String person, int rating) {
        asPerson(person, "cs-agent").body(Map.of("rating", rating)).when()
                .post("/rollouts/{id}/adoption-feedback", rollout).then().statusCode(201);
    }

    private List<String> asked(String process) {
        return Outboxed.events(entityManager, process, AdoptionFeedbackRequested.class).stream()
                .map(AdoptionFeedbackRequested::person).toList();
    }

    @Test
    void aRolloutsFollowUpDateIsFourteenDaysAfterItsStartUnlessThePlanSetsOne() {
        Instant now = clock.freeze();
        JsonPath byDefault = rollout(rolledOut(null)[1]);
        assertThat(Instant.parse(byDefault.getString("startedAt"))).isEqualTo(now);
        assertThat(Instant.parse(byDefault.getString("followUpAt"))).isEqualTo(now.plus(Duration.ofDays(14)));
        assertThat(byDefault.getString("followedUpAt")).isNull();

        Instant planned = now.plus(Duration.ofDays(30));
        assertThat(Instant.parse(rollout(rolledOut(planned)[1]).getString("followUpAt"))).isEqualTo(planned);
    }

    @Test
    void aFollowUpDateMustBeAfterTheStartAndAtMostAYearLater() {
        Instant now = clock.freeze();
        String process = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        for (Instant refused : List.of(now.minus(Duration.ofDays(1)), now, now.plus(Duration.ofDays(365)).plusSeconds(1))) {
            as("product").body(Map.of("participants", List.of(participant("ana", "author", null)),
                    "followUpAt", refused.toString())).when().post("/processes/{id}/rollouts", process).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("followUpAt")));
        }
        as("product").body(Map.of("participants", List.of(participant("ana", "author", null)),
                "followUpAt", now.plus(Duration.ofDays(365)).toString())).when()
                .post("/processes/{id}/rollouts", process).then().statusCode(201);
        as("product").body(Map.of("participants", List.of(participant("ana", "author", null)),
                "followUpAt", "next tuesday")).when().post("/processes/{id}/rollouts", process).then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onItsFollowUpDateEachParticipantWhoHasNotGivenFeedbackIsAskedOnce() {
        Instant now = clock.freeze();
        String[] started = rolledOut(now.plus(Duration.ofDays(3)));
        String process = started[0];
        String rollout = started[1];
        answer(rollout, "ana", 4);
        String bosRevision = asPerson("bo", "cs-agent").when().get("/rollouts/{id}/checklists/bo", rollout).then()
                .statusCode(200).extract().header("ETag");

        clock.advance(Duration.ofDays(3).minusSeconds(1));
        followUp.askDue();
        assertThat(asked(process)).isEmpty();
        assertThat(rollout(rollout).getString("followedUpAt")).isNull();

        clock.advance(Duration.ofSeconds(1));
        Instant due = clock.instant();
        followUp.askDue();
        followUp.askDue();

        assertThat(asked(process)).containsExactly("bo", "cy");
        JsonPath view = rollout(rollout);
        assertThat(Instant.parse(view.getString("followedUpAt"))).isEqualTo(due);
        assertThat(view.getList("people.person")).containsExactly("ana", "bo", "cy");
        assertThat(view.getList("people.feedbackGivenAt")).containsExactly(now.toString(), null, null);
        assertThat(view.getList("people.feedbackRequestedAt")).containsExactly(null, due.toString(), due.toString());
        asPerson("bo", "cs-agent").when().get("/rollouts/{id}/checklists/bo", rollout).then().statusCode(200)
                .header("ETag", bosRevision);

        clock.advance(Duration.ofMinutes(5));
        answer(rollout, "cy", 3);
        clock.advance(Duration.ofDays(30));
        followUp.askDue();
        assertThat(asked(process)).containsExactly("bo", "cy");
        assertThat(rollout(rollout).getList("people.feedbackGivenAt", String.class).get(2)).isNotNull();
    }

    @Test
    void theQuestionReachesTheBrokerWithWhoToAskAndWhereToAnswer() {
        Instant now = clock.freeze();
        String[] started = rolledOut(now.plus(Duration.ofDays(1)));
        String process = started[0];
        String rollout = started[1];
        asPerson("bo", "Bo Berg", "cs-agent").when().post("/rollouts/{id}/checklists/bo/lines/0/tick", rollout)
                .then().statusCode(200);

        clock.advance(Duration.ofDays(1));
        followUp.askDue();

        await().atMost(Duration.ofSeconds(30)).until(() -> requests(process).size() == 3);
        assertThat(requests(process)).allSatisfy(record -> {
            assertThat(ProcessEventsTest.header(record, "ce_subject")).isEqualTo(process);
            assertThat(record.key()).isEqualTo(process);
        });
        AdoptionFeedbackRequested bo = requests(process).stream()
                .map(record -> ProcessEventsTest.read(record, AdoptionFeedbackRequested.class))
                .filter(request -> request.person().equals("bo")).findFirst().orElseThrow();
        assertThat(bo.personName()).isEqualTo("Bo Berg");
        assertThat(bo.role()).isEqualTo("reviewer");
        assertThat(bo.title()).isEqualTo("Document review");
        assertThat(bo.version()).isEqualTo(1);
        assertThat(bo.rolloutId()).hasToString(rollout);
        assertThat(bo.rolloutStartedAt()).isEqualTo(now);
        assertThat(bo.followUpAt()).isEqualTo(now.plus(Duration.ofDays(1)));
        assertThat(bo.requestedAt()).isEqualTo(now.plus(Duration.ofDays(1)));
        assertThat(bo.link()).endsWith("/rollouts/" + rollout + "/adoption-feedback");
        as("product").when().get("/rollouts/{id}/adoption-feedback", rollout).then().statusCode(200)
                .body("notAnswered", equalTo(List.of("ana", "bo", "cy")));
        as("product").when().get(bo.link().substring(bo.link().indexOf("/rollouts/"))).then().statusCode(200)
                .body("rolloutId", containsString(rollout));
    }

    @Test
    void twoReplicasFollowingUpAtOnceAskEachPersonOnce() throws Exception {
        Instant now = clock.freeze();
        List<String> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(rolledOut(now.plus(Duration.ofDays(2)))[0]);
        }
        AdoptionFollowUp secondReplica = new AdoptionFollowUp(entityManager, outbox, links, clock, config);
        AdoptionFollowUp freshAfterRestart = new AdoptionFollowUp(entityManager, outbox, links, clock, config);

        clock.advance(Duration.ofDays(2));
        race(secondReplica, freshAfterRestart);

        for (String process : processes) {
            assertThat(asked(process)).containsExactly("ana", "bo", "cy");
        }
    }

    /** Both replicas (and the service's own scheduled follow-up) look for due rollouts at the same time, many times. */
    private static void race(AdoptionFollowUp first, AdoptionFollowUp second) throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> racing = List.of(() -> askRepeatedly(first, 20), () -> askRepeatedly(second, 20));
            for (Future<Integer> result : replicas.invokeAll(racing)) {
                result.get();
            }
        } finally {
            replicas.shutdown();
        }
    }

    private static int askRepeatedly(AdoptionFollowUp followUp, int times) {
        int asked = 0;
        for (int i = 0; i < times; i++) {
            asked += QuarkusTransaction.requiringNew().call(followUp::askDue);
        }
        return asked;
    }

    private static List<ConsumerRecord<String, String>> requests(String process) {
        return topic.withKey(process).stream()
                .filter(record -> ProcessEventsTest.header(record, "ce_type").endsWith(".AdoptionFeedbackRequested"))
                .toList();
    }
}
