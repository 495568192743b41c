package work.remote.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** An allow-listed host is still refused when it is, or resolves to, an internal address, unless listed as internal. */
class WebhookDestinationsTest {

    private static final List<String> INTERNAL_BUT_ALLOW_LISTED = List.of("localhost", "10.0.0.5", "172.16.3.4",
            "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "fe80::1", "fd00::1", "::1", "::ffff:10.0.0.5");

    private final WebhookDestinations destinations = new WebhookDestinations(
            concat(INTERNAL_BUT_ALLOW_LISTED, List.of("hooks.slack.com", "203.0.113.7")), List.of("127.0.0.1"));

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static String url(String host) {
        return "https://" + (host.contains(":") ? "[" + host + "]" : host) + "/services/T0/B0/x";
    }

    @Test
    void aWebhookToAPrivateAddressIsRefusedEvenWhenItsHostIsAllowListed() {
        assertThat(INTERNAL_BUT_ALLOW_LISTED).allSatisfy(host -> assertThat(destinations.refusal(url(host)))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("private, loopback or link-local")));
    }

    @Test
    void theCloudMetadataAddressIsRefused() {
        assertThat(destinations.refusal("http://169.254.169.254/latest/meta-data/")).isPresent();
        assertThat(new WebhookDestinations(List.of("hooks.slack.com"), List.of())
                .refusal("http://169.254.169.254/latest/meta-data/"))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("allowed host"));
    }

    @Test
    void aHostNameThatResolvesToLoopbackIsRefusedUnlessListedAsInternal() {
        assertThat(destinations.refusal("http://localhost:9999/x")).isPresent();
        assertThat(new WebhookDestinations(List.of(), List.of("localhost")).refusal("http://LocalHost:9999/x"))
                .isEmpty();
        assertThat(destinations.refusal("http://127.0.0.1:9999/x")).isEmpty();
    }

    @Test
    void aPublicAllowListedHostIsAcceptedAndAnyOtherIsRefused() {
        assertThat(destinations.refusal("https://203.0.113.7/services/T0/B0/x")).isEmpty();
        assertThat(destinations.refusal("https://hooks.slack.com.evil.example/x")).isPresent();
        assertThat(destinations.refusal("ftp://hooks.slack.com/x")).isPresent();
        assertThat(destinations.refusal("not a url")).isPresent();
    }
}
