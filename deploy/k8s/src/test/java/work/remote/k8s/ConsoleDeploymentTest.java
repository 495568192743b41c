package work.remote.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The console signs people in at the issuer whose tokens the services accept, with a client secret the platform
 * engineer supplies, and calls each service inside the cluster through that service's own Service.
 */
class ConsoleDeploymentTest {

    private final Resources whole = K8s.whole();
    private final Deployment console = whole.deployment(ServiceProperties.CONSOLE);

    @Test
    void theConsoleSignsInAtTheIssuerTheServicesTrustWithASuppliedClientSecret() {
        String issuer = Containers.value(console, whole, "QUARKUS_OIDC_AUTH_SERVER_URL")
                .orElseThrow(() -> new AssertionError("the console names no OpenID Connect provider"));
        for (String service : ServiceProperties.services()) {
            assertThat(Containers.value(whole.deployment(service), whole, "MP_JWT_VERIFY_ISSUER"))
                    .as("%s accepts the tokens the console signs people in with", service).hasValue(issuer);
        }
        assertThat(Containers.value(console, whole, "QUARKUS_OIDC_CLIENT_ID")).as("the console's client id")
                .hasValueSatisfying(id -> assertThat(id).isNotBlank());
        SecretKeySelector secret = Containers.env(console, "QUARKUS_OIDC_CREDENTIALS_SECRET")
                .map(variable -> variable.getValueFrom().getSecretKeyRef())
                .orElseThrow(() -> new AssertionError("the console takes its client secret from no Secret"));
        Supplied.Secret supplied = Supplied.read(K8s.DIRECTORY).secret(secret.getName())
                .orElseThrow(() -> new AssertionError("Secret " + secret.getName() + " is not in supplied.yaml"));
        assertThat(supplied.keys()).contains(secret.getKey());
        assertThat(supplied.create()).contains("secret generic " + secret.getName() + " ")
                .contains("--from-literal=" + secret.getKey() + "=");
        assertThat(K8s.properties(ServiceProperties.CONSOLE).value("quarkus.oidc.tenant-enabled"))
                .as("OpenID Connect on in production").isNotEqualTo("false");
        assertThat(K8s.properties(ServiceProperties.CONSOLE).value("console.dev-sign-in.enabled"))
                .as("no dev sign-in in production").isNotEqualTo("true");
    }

    @Test
    void theConsoleCallsEachServiceThroughItsServiceInTheCluster() {
        for (String service : ServiceProperties.services()) {
            String variable = service.substring(0, service.indexOf('-')).toUpperCase() + "_URL";
            URI url = URI.create(Containers.value(console, whole, variable)
                    .orElseThrow(() -> new AssertionError("the console sets no " + variable)));
            assertThat(url.getScheme()).as(variable).isEqualTo("http");
            Service target = whole.named(Service.class, url.getHost())
                    .orElseThrow(() -> new AssertionError(variable + ": no Service " + url.getHost()));
            assertThat(FrontDoorTest.servesHttpOf(target, url.getPort() == -1 ? 80 : url.getPort(), whole.deployment(service)))
                    .as("%s=%s leads to %s's http port", variable, url, service).isTrue();
        }
    }
}
