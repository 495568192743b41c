package work.remote.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import work.remote.notification.config.NotificationConfig;

/**
 * People are named by id (the token's {@code sub}); with an identity provider whose ids are opaque there is no person
 * domain, and the people map is how an id gets an address. A recipient without one, or outside the allowed ones, is
 * refused with a reason naming it and the rule.
 */
class EmailDirectoryTest {

    private static final String MARIA = "3f2a9c1e-7d4b-4e0a-9b6f-2c8d1e5a7b90";

    private final EmailDirectory directory = directory(Map.of(
            "notification.email.people." + MARIA, "maria.santos@remote.work",
            "notification.email.groups.ops", "ops-team@remote.work",
            "notification.email.allowed-domains", "remote.work"));

    static EmailDirectory directory(Map<String, String> properties) {
        return new EmailDirectory(new SmallRyeConfigBuilder()
                .withMapping(NotificationConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(NotificationConfig.class));
    }

    @Test
    void anOpaqueIdIsAddressedThroughThePeopleMap() {
        assertThat(directory.recipient(MARIA))
                .isEqualTo(new EmailDirectory.Recipient(Optional.of("maria.santos@remote.work"), Optional.empty()));
    }

    @Test
    void anIdWithoutAnAddressIsRefusedNamingItAndTheRule() {
        assertThat(directory.recipient("7c1d0b2a-unknown").address()).isEmpty();
        assertThat(directory.recipient("7c1d0b2a-unknown").refusal()).contains("Recipient refused: no email address "
                + "is known for 7c1d0b2a-unknown (add notification.email.people.\"7c1d0b2a-unknown\" or "
                + "notification.email.person-domain, then replay); nothing was mailed");
    }

    @Test
    void anAddressOutsideTheAllowedRecipientsIsRefusedAndOneInsideIsNot() {
        assertThat(directory.recipient("x@elsewhere.example").refusal()).contains("Recipient refused: "
                + "x@elsewhere.example is outside the allowed recipients (notification.email.allowed-domains, people, "
                + "groups); nothing was mailed");
        assertThat(directory.recipient("Triage@Remote.Work").refusal()).isEmpty();
        assertThat(directory.recipient("ops-team@remote.work").refusal()).isEmpty();
    }

    @Test
    void withAPersonDomainEveryIdHasAnAllowedAddress() {
        EmailDirectory withDomain = directory(Map.of("notification.email.person-domain", "remote-work.local"));
        assertThat(withDomain.recipient("hana-host").address()).contains("hana-host@remote-work.local");
        assertThat(withDomain.recipient("hana-host").refusal()).isEmpty();
    }
}
