package work.remote.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The console as the people of the seeded launch use it, in real headless browsers on the whole local stack (the four
 * service jars and the console's, PostgreSQL, Kafka): what they see, that it comes live, and that the services' rules
 * and messages reach the page. Each test takes screenshots into {@code target/screenshots}.
 */
class ConsoleInBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(2);
    private static final String AGENT = "ali";

    @TempDir
    static Path home;

    static LocalStack stack;
    static Properties running;
    static String consoleUrl;
    static JsonNode seededLaunch;

    @BeforeAll
    static void startTheWholeSystem() throws Exception {
        ConsoleBrowser.requireInstalled();
        stack = new LocalStack(Path.of("../.."), home, Map.of(), LocalStackTest.freePorts());
        stack.start();
        running = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("stack.properties"))) {
            running.load(in);
        }
        consoleUrl = running.getProperty("console.url");
        assertThat(consoleUrl).as("the stack runs the console (console/target/quarkus-app is built)").isNotNull();
        JsonNode live = JSON.readTree(
                get("ticket", "/launches?state=LIVE", running.getProperty("token.cs-agent")).body());
        seededLaunch = StreamSupport.stream(live.path("items").spliterator(), false)
                .filter(launch -> launch.path("feature").asText().equals("Instant withdrawals")).findFirst()
                .orElseThrow();
    }

    @AfterAll
    static void stopIt() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void aCriticalIssueAnAgentReportsAppearsInTheProductOwnersWarRoomWithItsCountdownWithoutAReload()
            throws Exception {
        String launchId = seededLaunch.path("id").asText();
        try (ConsoleBrowser productOwner = ConsoleBrowser.signedIn(consoleUrl,
                seededLaunch.path("productOwner").asText(), "product");
                ConsoleBrowser agent = ConsoleBrowser.signedIn(consoleUrl, AGENT, "cs-agent")) {
            productOwner.open("/launches/" + launchId);
            assertThat(productOwner.find(By.tagName("h1")).getText()).isEqualTo("War room: Instant withdrawals");
            productOwner.awaitLiveConnection();
            // a first report, untimed, warms the path up: the stack has just started, its code not yet compiled
            String first = reportThroughTheForm(agent, launchId, "Withdrawal refused for user 6");
            productOwner.await(Duration.ofSeconds(30), "the first critical issue in the war room",
                    page -> page.findElements(By.id("critical-" + first)).stream().findFirst().orElse(null));
            productOwner.script("window.openedOnce = true;");

            String ticketId = reportThroughTheForm(agent, launchId, "Withdrawal refused for user 7");
            JsonNode ticket = JSON.readTree(get("ticket", "/tickets/" + ticketId, agent.token()).body());
            Instant reported = Instant.parse(ticket.path("reportedAt").asText());
            WebElement critical = productOwner.await(Duration.between(Instant.now(), reported.plus(LIVE_WITHIN)),
                    "the new critical issue in the war room within " + LIVE_WITHIN + " of its report", page ->
                    page.findElements(By.id("critical-" + ticketId)).stream().findFirst().orElse(null));
            Instant shown = Instant.now();
            System.out.printf("%s: the war room showed the critical issue %d ms after ticket-service took the report%n",
                    getClass().getSimpleName(), Duration.between(reported, shown).toMillis());

            assertThat(critical.getText()).contains("Withdrawal refused for user 7").contains("nobody assigned");
            WebElement countdown = critical.findElement(By.cssSelector("[role=timer]"));
            assertThat(countdown.getText()).matches("On track: 2 h 5\\d min left");
            assertThat(countdown.getDomAttribute("class")).contains("on-track");
            assertThat(ticket.path("severity").asText()).isEqualTo("CRITICAL");
            assertThat(Instant.parse(countdown.getDomAttribute("data-resolve-by")))
                    .isEqualTo(Instant.parse(ticket.path("resolveBy").asText()));
            assertThat(productOwner.script("return window.openedOnce === true;"))
                    .as("the war room is the page that was open before the report, not a reload").isEqualTo(true);
            productOwner.screenshot("war-room");

            assertThat(agent.find(By.tagName("main")).getText()).contains("BUG · CRITICAL")
                    .contains("WITHDRAWAL_BLOCKED: The withdrawal is refused with error W-21, 1 user(s)");
            agent.screenshot("ticket");
        }
    }

    @Test
    void theWarRoomSaysInWordsThatItIsStaleWhileTicketServiceIsDownAndClearsItWhenItIsBack() throws Exception {
        String launchId = seededLaunch.path("id").asText();
        String lena = stack.token("lena", "cs-lead");
        try (ConsoleBrowser lead = ConsoleBrowser.signedIn(consoleUrl, "lena", "cs-lead")) {
            lead.open("/launches/" + launchId);
            lead.awaitLiveConnection();
            lead.script("window.openedOnce = true;");
            WebElement notice = lead.find(By.id("live-refresh"));
            assertThat(notice.getText()).isEmpty();
            String gates = lead.find(By.id("gates")).getText();

            ProcessHandle ticketService = ProcessHandle.of(stack.status("ticket-service").pid()).orElseThrow();
            try {
                ticketService.destroyForcibly();
                ticketService.onExit().get(20, TimeUnit.SECONDS);
                // an update about the launch from a service that is still up makes the war room read ticket-service
                scheduleTraining(lena, launchId, "2030-03-03T10:00");
                lead.await(Duration.ofSeconds(15), "the war room saying in words that it could not be refreshed",
                        page -> notice.getText().isEmpty() ? null : notice);
                assertThat(notice.getText()).startsWith("Could not refresh this page: Ticket-service cannot be "
                        + "reached; try again in a moment. Showing what was last read at ").endsWith("; retrying in 5 s.");
                WebElement stale = lead.find(By.id("war-room-live"));
                assertThat(stale.getDomAttribute("class")).contains("stale");
                assertThat(stale.getDomAttribute("aria-describedby")).isEqualTo("live-refresh");
                assertThat(lead.find(By.id("gates")).getText()).as("what was last read stays").isEqualTo(gates);
                assertThat(lead.find(By.id("live-status")).getDomAttribute("aria-live")).isEqualTo("polite");
                lead.screenshot("war-room-stale");
            } finally {
                stack.crashAndRestart("ticket-service");
            }

            lead.await(Duration.ofSeconds(20), "the notice cleared by a refresh once ticket-service is back",
                    page -> notice.getText().isEmpty() ? notice : null);
            assertThat(lead.find(By.id("war-room-live")).getDomAttribute("class")).isNull();
            assertThat(lead.find(By.id("gates")).getText()).isEqualTo(gates);
            assertThat(lead.script("return window.openedOnce === true;"))
                    .as("the war room is the page that was open all along, not a reload").isEqualTo(true);
        }
    }

    @Test
    void anAgentSeesNoStartButtonAndTicketServiceRefusesTheirStart() throws Exception {
        String launchId = planLaunch("Instant deposits");
        try (ConsoleBrowser productOwner = ConsoleBrowser.signedIn(consoleUrl, "paula", "product");
                ConsoleBrowser agent = ConsoleBrowser.signedIn(consoleUrl, AGENT, "cs-agent")) {
            productOwner.open("/launches/" + launchId);
            assertThat(productOwner.has(By.id("start-launch"))).as("a product owner may start it").isTrue();

            agent.open("/launches/" + launchId);
            assertThat(agent.find(By.tagName("h1")).getText()).isEqualTo("War room: Instant deposits");
            assertThat(agent.has(By.id("record-onboarding"))).as("an agent records their onboarding").isTrue();
            assertThat(agent.has(By.id("start-launch"))).isFalse();

            HttpResponse<String> start = post("ticket", "/launches/" + launchId + "/start", agent.token(), "{}");
            assertThat(start.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(get("ticket", "/launches/" + launchId, agent.token()).body()).path("state")
                    .asText()).isEqualTo("PLANNED");
        }
    }

    @Test
    void theWarRoomTheReportFormAndTheProcessFitAPhonesWidth() throws Exception {
        String launchId = seededLaunch.path("id").asText();
        try (ConsoleBrowser agent = ConsoleBrowser.signedIn(consoleUrl, AGENT, "cs-agent")) {
            agent.resize(390, 844);
            for (String path : List.of("/launches/" + launchId, "/tickets/new", "/launches", "/processes")) {
                agent.open(path);
                assertThat(agent.overflowingWidth()).as("sideways scrolling on %s at 390 px", path).isZero();
            }
            agent.open("/launches/" + launchId);
            assertThat(agent.find(By.tagName("h1")).getText()).isEqualTo("War room: Instant withdrawals");
            agent.screenshot("war-room-phone");
        }
    }

    @Test
    void aReportWithoutATitleShowsTheServicesMessageNextToTheTitleField() throws Exception {
        try (ConsoleBrowser agent = ConsoleBrowser.signedIn(consoleUrl, AGENT, "cs-agent")) {
            agent.open("/tickets/new");
            new Select(agent.find(By.id("type"))).selectByValue("QUESTION");
            new Select(agent.find(By.id("impact"))).selectByValue("NONE");
            agent.find(By.id("affectedUsers")).sendKeys("1");
            agent.find(By.id("report-ticket")).click();

            HttpResponse<String> refused = post("ticket", "/tickets", agent.token(),
                    "{\"title\": \"\", \"type\": \"QUESTION\", \"impact\": \"NONE\", \"affectedUsers\": 1}");
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode violations = JSON.readTree(refused.body()).path("violations");
            String servicesMessage = StreamSupport.stream(violations.spliterator(), false)
                    .filter(violation -> violation.path("field").asText().equals("title")).findFirst().orElseThrow()
                    .path("message").asText();
            WebElement title = agent.find(By.id("title"));
            assertThat(title.getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(title.getDomAttribute("aria-describedby")).isEqualTo("title-problem");
            assertThat(agent.find(By.xpath("//input[@id='title']/following-sibling::p[@id='title-problem']"))
                    .getText()).isEqualTo(servicesMessage);
            assertThat(agent.has(By.cssSelector(".field-problem:not(#title-problem)")))
                    .as("only the title is wrong").isFalse();
            assertThat(agent.find(By.tagName("main")).getText()).doesNotContain("violations").doesNotContain("{");
            agent.screenshot("report-without-title");
        }
    }

    @Test
    void anAgentTicksTheirChecklistBesideTheProcessFlowchart() throws Exception {
        JsonNode process = JSON.readTree(get("process", "/processes", stack.token("paula", "product")).body())
                .path("items").get(0);
        String processId = process.path("id").asText();
        HttpResponse<String> rollout = post("process", "/processes/" + processId + "/rollouts",
                stack.token("paula", "product"),
                "{\"participants\": [{\"person\": \"%s\", \"role\": \"cs-agent\", \"supervisor\": \"lena\"}]}"
                        .formatted(AGENT));
        assertThat(rollout.statusCode()).as(rollout.body()).isEqualTo(201);
        String rolloutId = JSON.readTree(rollout.body()).path("id").asText();

        try (ConsoleBrowser agent = ConsoleBrowser.signedIn(consoleUrl, AGENT, "cs-agent")) {
            agent.open("/processes/" + processId);
            assertThat(agent.find(By.tagName("h1")).getText()).isEqualTo(process.path("title").asText());
            WebElement flowchart = agent.find(By.id("flowchart-image"));
            agent.await(Duration.ofSeconds(10), "the flowchart drawn", page -> (Boolean) ((JavascriptExecutor) page)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", flowchart)
                    ? flowchart : null);
            String progress = "checklist-" + rolloutId + "-progress";
            assertThat(agent.find(By.id(progress)).getText()).startsWith("0 of ");

            agent.find(By.id("tick-" + rolloutId + "-0")).click();

            assertThat(agent.find(By.id(progress)).getText()).startsWith("1 of ");
            JsonNode checklist = JSON.readTree(get("process", "/rollouts/" + rolloutId + "/checklists/" + AGENT,
                    agent.token()).body());
            assertThat(checklist.toString()).as("process-service holds the tick").contains("\"done\":1");
            agent.screenshot("process");
        }
    }

    @Test
    void theHostStartsTheMeetingAndEndsTheRunningItemFromTheConsole() throws Exception {
        String meetingId = scheduleTraining(stack.token("lena", "cs-lead"), seededLaunch.path("id").asText(),
                "2030-03-02T10:00");
        try (ConsoleBrowser attendee = ConsoleBrowser.signedIn(consoleUrl, AGENT, "cs-agent")) {
            attendee.open("/meetings/" + meetingId);
            assertThat(attendee.has(By.id("host-actions"))).as("only the host runs the meeting").isFalse();
        }

        try (ConsoleBrowser host = ConsoleBrowser.signedIn(consoleUrl, "lena", "cs-lead")) {
            host.open("/meetings/" + meetingId);
            assertThat(host.find(By.id("meeting-state")).getText()).isEqualTo("SCHEDULED");
            host.find(By.id("start-meeting")).click();

            assertThat(host.find(By.id("meeting-state")).getText()).isEqualTo("RUNNING");
            WebElement timer = host.find(By.id("agenda-0-timebox"));
            assertThat(timer.getText()).startsWith("Running");
            String before = timer.getText();
            host.await(Duration.ofSeconds(5), "the running item's timer counting down", page ->
                    before.equals(timer.getText()) ? null : timer);
            host.screenshot("meeting");

            host.find(By.id("advance-agenda")).click();

            assertThat(host.find(By.id("agenda-0-timebox")).getText()).startsWith("Done in");
            assertThat(host.find(By.id("agenda-1-timebox")).getText()).startsWith("Running");
            JsonNode meeting = JSON.readTree(get("meeting", "/meetings/" + meetingId, host.token()).body());
            assertThat(meeting.path("agenda").get(0).path("endedAt").isTextual())
                    .as("meeting-service ended the first item").isTrue();
        }
    }

    /** Plans the launch's training, hosted by lena with the agent invited, through meeting-service; answers its id. */
    private static String scheduleTraining(String lena, String launchId, String at) throws Exception {
        HttpResponse<String> planned = post("meeting", "/meetings", lena, """
                {"kind": "TRAINING", "subject": {"kind": "LAUNCH", "id": "%s", "title": "Instant withdrawals"},
                 "startsAt": {"at": "%s", "zone": "Europe/Berlin"}, "durationMinutes": 30,
                 "invitees": [{"person": "lena", "functionGroup": "CS"},
                              {"person": "%s", "functionGroup": "CS", "supervisor": "lena"}]}"""
                .formatted(launchId, at, AGENT));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        return JSON.readTree(planned.body()).path("id").asText();
    }

    /** Reports a one-user withdrawal problem under the launch through the war room's form; answers the ticket's id. */
    private static String reportThroughTheForm(ConsoleBrowser agent, String launchId, String title) {
        agent.open("/launches/" + launchId);
        agent.find(By.id("report-child")).click();
        agent.find(By.id("title")).sendKeys(title);
        new Select(agent.find(By.id("type"))).selectByValue("BUG");
        new Select(agent.find(By.id("impact"))).selectByValue("WITHDRAWAL_BLOCKED");
        agent.find(By.id("affectedUsers")).sendKeys("1");
        agent.find(By.id("impactDetail")).sendKeys("The withdrawal is refused with error W-21");
        agent.find(By.id("report-ticket")).click();
        assertThat(agent.currentPath()).matches("/tickets/[0-9a-f-]{36}");
        return agent.currentPath().substring("/tickets/".length());
    }

    /** Plans a launch as its product owner paula, through ticket-service's API; answers its id. */
    private static String planLaunch(String feature) throws Exception {
        HttpResponse<String> planned = post("ticket", "/launches", stack.token("paula", "product"), """
                {"feature": "%s", "plannedLaunchAt": "2030-03-02T09:00:00", "timeZone": "Europe/Berlin",
                 "productOwner": "paula", "csLead": "lena", "csAgents": ["%s"], "csChannel": "#cs-launch-deposits",
                 "rulesDocumentLink": "https://docs.remote.work/rules/instant-deposits"}""".formatted(feature, AGENT));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        return JSON.readTree(planned.body()).path("id").asText();
    }

    /** A GET on one of the stack's services ({@code ticket}, {@code process}, ...) as the token's person. */
    private static HttpResponse<String> get(String service, String path, String token)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(running.getProperty(service + ".url") + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String service, String path, String token, String json)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(running.getProperty(service + ".url") + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
