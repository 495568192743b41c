package work.remote.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/** Every kustomization under deploy/k8s renders, and every resource reads into its typed model. */
class ManifestsTest {

    @Test
    void everyKustomizationRendersIntoTypedResources() throws IOException {
        List<Path> kustomizations = kustomizationDirectories().stream()
                .filter(directory -> !Kustomize.read(directory).isComponent()).toList();
        assertThat(kustomizations).hasSize(9);
        for (Path directory : kustomizations) {
            assertThat(Resources.typed(K8s.rendered(directory)).size()).as(directory.toString()).isPositive();
        }
    }

    @Test
    void everyOptionalComponentRendersWhereItIsMeantToBeAdded() throws IOException {
        Path serviceMonitor = K8s.DIRECTORY.resolve("components/service-monitor");
        Path scheduledBackup = K8s.DIRECTORY.resolve("components/scheduled-backup");
        Path ingress = K8s.DIRECTORY.resolve("components/ingress");
        List<Path> unlisted = kustomizationDirectories().stream()
                .filter(directory -> Kustomize.read(directory).isComponent())
                .filter(component -> !listedByAKustomization(component)).toList();
        assertThat(unlisted).containsExactlyInAnyOrder(serviceMonitor, scheduledBackup, ingress);

        for (String service : ServiceProperties.deployables()) {
            Resources scraped = Resources.typed(Kustomize.render(K8s.DIRECTORY.resolve(service), serviceMonitor));
            assertThat(scraped.all(ServiceMonitor.class)).singleElement().satisfies(monitor -> {
                assertThat(monitor.metadata().getName()).isEqualTo(service);
                assertThat(monitor.spec().endpoints()).extracting(ServiceMonitor.Endpoint::port, ServiceMonitor.Endpoint::path)
                        .containsExactly(tuple("management", "/q/metrics"));
                assertThat(monitor.spec().selector().getMatchLabels())
                        .isEqualTo(scraped.named(Service.class, service).orElseThrow().getSpec().getSelector());
            });
            assertThat(scraped.named(Service.class, service).orElseThrow().getSpec().getPorts())
                    .anySatisfy(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("management"));
        }

        Resources backedUp = Resources.typed(Kustomize.render(K8s.DIRECTORY, scheduledBackup));
        assertThat(backedUp.all(CloudNativePg.ScheduledBackup.class)).singleElement()
                .satisfies(backup -> assertThat(backup.spec().cluster().name())
                        .isEqualTo(backedUp.postgres().metadata().getName()));
        assertThat(backedUp.postgres().spec().backup().volumeSnapshot()).isNotNull();

        Resources behindIngress = Resources.typed(Kustomize.render(K8s.DIRECTORY, ingress));
        assertThat(behindIngress.all(HTTPRoute.class)).isEmpty();
        assertThat(behindIngress.all(Ingress.class)).hasSize(1);
    }

    private static boolean listedByAKustomization(Path component) {
        try {
            return kustomizationDirectories().stream().anyMatch(directory -> Kustomize.read(directory).components()
                    .stream().anyMatch(listed -> directory.resolve(listed).normalize().equals(component)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theWholeSystemComposesTheFourServicesTheConsoleTheInfrastructureAndTheFrontDoor() {
        Kustomization top = Kustomize.read(K8s.DIRECTORY);
        assertThat(top.resources()).containsAll(ServiceProperties.deployables())
                .contains("namespace.yaml", "config", "infrastructure", "gateway");
        Resources whole = K8s.whole();
        assertThat(whole.all(Namespace.class)).extracting(namespace -> namespace.getMetadata().getName())
                .containsExactly(K8s.NAMESPACE);
        assertThat(whole.all(Namespace.class).get(0).getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        assertThat(whole.all(Deployment.class)).extracting(deployment -> deployment.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(ServiceProperties.deployables());
        assertThat(whole.all(HasMetadata.class)).filteredOn(resource -> !(resource instanceof Namespace))
                .allSatisfy(resource -> assertThat(resource.getMetadata().getNamespace())
                        .as(resource.getKind() + " " + resource.getMetadata().getName()).isEqualTo(K8s.NAMESPACE));
    }

    @Test
    void eachServiceDirectoryDeploysItsServiceAloneExactlyAsTheWholeSystemDoes() {
        List<ObjectNode> whole = K8s.rendered(K8s.DIRECTORY);
        for (String service : ServiceProperties.deployables()) {
            Path directory = K8s.DIRECTORY.resolve(service);
            assertThat(directory.resolve("generated/kubernetes.yml"))
                    .as("written by quarkus-kubernetes when %s is packaged", service).isRegularFile();
            Kustomization kustomization = Kustomize.read(directory);
            assertThat(kustomization.resources()).containsExactly("generated/kubernetes.yml");
            assertThat(kustomization.components()).as(service).contains("../components/service");
            // the services take the console's calls, the console nobody's
            if (ServiceProperties.services().contains(service)) {
                assertThat(kustomization.components()).as(service).contains("../components/console-caller");
            } else {
                assertThat(kustomization.components()).as(service).doesNotContain("../components/console-caller");
            }
            assertThat(kustomization.images()).as("%s: an images: entry to override", service)
                    .singleElement().satisfies(image -> assertThat(image.name()).endsWith("/remote-work/" + service));

            List<ObjectNode> alone = K8s.rendered(directory);
            assertThat(alone).extracting(resource -> resource.path("kind").asText() + " "
                    + resource.path("metadata").path("name").asText())
                    .containsExactlyInAnyOrder("Deployment " + service, "Service " + service,
                            "PodDisruptionBudget " + service, "NetworkPolicy " + service);
            assertThat(whole).as("deploy/k8s applies %s as its own directory does", service).containsAll(alone);
        }
    }

    private static List<Path> kustomizationDirectories() throws IOException {
        try (Stream<Path> files = Files.walk(K8s.DIRECTORY)) {
            return files.filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::getParent)
                    .filter(directory -> !K8s.DIRECTORY.relativize(directory).startsWith("src")
                            && !K8s.DIRECTORY.relativize(directory).startsWith("target"))
                    .sorted().toList();
        }
    }
}
