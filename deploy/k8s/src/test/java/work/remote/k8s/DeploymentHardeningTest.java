package work.remote.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Every Deployment: two replicas behind a PodDisruptionBudget, sized resources and JVM, the restricted security
 * context, probes on the management port with room for migrations, a NetworkPolicy, and an image from a registry.
 */
class DeploymentHardeningTest {

    private static final int MANAGEMENT_PORT = 9000;
    /** How long a start may wait (for another pod's Flyway migration, say) before the kubelet restarts it. */
    private static final int STARTUP_SECONDS_AT_LEAST = 180;

    private final Resources whole = K8s.whole();

    @Test
    void everyServiceRunsTwoReplicasAndADrainTakesAtMostOneOfThem() {
        for (Deployment deployment : whole.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            assertThat(deployment.getSpec().getReplicas()).as(service).isEqualTo(2);
            PodDisruptionBudget budget = whole.named(PodDisruptionBudget.class, service)
                    .orElseThrow(() -> new AssertionError("no PodDisruptionBudget for " + service));
            assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).as(service).isEqualTo(1);
            assertThat(podLabels(deployment)).as("%s's budget covers its pods", service)
                    .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        }
    }

    /** How the JVM is sized to the limits: {@link JvmSizingTest}. */
    @Test
    void everyContainerHasRequestsLimitsAndAJvmSizedToItsLimit() {
        for (Deployment deployment : whole.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            Container container = Containers.of(deployment);
            assertThat(container.getResources().getRequests()).as(service).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(service).containsKeys("cpu", "memory");
            assertThat(Containers.value(deployment, whole, "JAVA_MAX_MEM_RATIO")).as("%s: heap from the memory limit", service)
                    .hasValueSatisfying(ratio -> assertThat(ratio).matches("\\d+"));
        }
    }

    @Test
    void everyPodMeetsTheRestrictedPodSecurityStandard() {
        for (Deployment deployment : whole.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getAutomountServiceAccountToken()).as("%s: no API token", service).isFalse();
            PodSecurityContext podContext = pod.getSecurityContext();
            assertThat(podContext.getRunAsNonRoot()).as(service).isTrue();
            assertThat(podContext.getRunAsUser()).as(service).isPositive();
            assertThat(podContext.getSeccompProfile().getType()).as(service).isEqualTo("RuntimeDefault");

            Container container = Containers.of(deployment);
            SecurityContext context = container.getSecurityContext();
            assertThat(context).as("%s's container security context", service).isNotNull();
            assertThat(context.getAllowPrivilegeEscalation()).as(service).isFalse();
            assertThat(context.getReadOnlyRootFilesystem()).as(service).isTrue();
            assertThat(context.getRunAsNonRoot()).as(service).isNotEqualTo(Boolean.FALSE);
            assertThat(context.getPrivileged()).as(service).isNotEqualTo(Boolean.TRUE);
            assertThat(context.getCapabilities().getDrop()).as(service).containsExactly("ALL");
            assertThat(context.getCapabilities().getAdd()).as(service).isNullOrEmpty();
            assertThat(context.getSeccompProfile() == null ? "RuntimeDefault" : context.getSeccompProfile().getType())
                    .as(service).isEqualTo("RuntimeDefault");

            String tmpVolume = container.getVolumeMounts().stream().filter(mount -> mount.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(service + " mounts nothing writable at /tmp"))
                    .getName();
            assertThat(pod.getVolumes()).as(service)
                    .anySatisfy(volume -> {
                        assertThat(volume.getName()).isEqualTo(tmpVolume);
                        assertThat(volume.getEmptyDir()).isNotNull();
                    });
            assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getVolumes()).as(service).allSatisfy(volume -> assertThat(volume.getHostPath()).isNull());
        }
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortAndAStartHasRoomForMigrations() {
        for (Deployment deployment : whole.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            Container container = Containers.of(deployment);
            assertThat(container.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort).as(service)
                    .contains(tuple("management", MANAGEMENT_PORT));
            assertThat(container.getPorts()).extracting(ContainerPort::getName).as(service).contains("http");
            Map<String, Probe> probes = Map.of("startup", container.getStartupProbe(), "readiness",
                    container.getReadinessProbe(), "liveness", container.getLivenessProbe());
            probes.forEach((kind, probe) -> {
                assertThat(probe).as("%s: %s probe", service, kind).isNotNull();
                assertThat(probe.getHttpGet().getPath()).as("%s: %s probe", service, kind).startsWith("/q/health");
                assertThat(probe.getHttpGet().getPort().getIntVal() != null ? probe.getHttpGet().getPort().getIntVal()
                        : portNumber(container, probe.getHttpGet().getPort().getStrVal()))
                        .as("%s: %s probe on the management port", service, kind).isEqualTo(MANAGEMENT_PORT);
            });
            Probe startup = container.getStartupProbe();
            assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold() + startup.getInitialDelaySeconds())
                    .as("%s: seconds a start may take", service).isGreaterThanOrEqualTo(STARTUP_SECONDS_AT_LEAST);
            assertThat(K8s.properties(service).value("quarkus.management.enabled"))
                    .as("%s serves health and metrics on the management interface in production", service).isEqualTo("true");
        }
    }

    /** The console calls the services' APIs: their HTTP port takes its pods too, and nobody else's. */
    @Test
    void onlyTheFrontDoorAndToTheServicesTheConsoleReachTheHttpPortAndOnlyMonitoringTheManagementPort() {
        String frontDoor = "namespaces " + Map.of("remote-work/front-door", "true");
        String consolePods = "pods of " + List.of(ServiceProperties.CONSOLE);
        for (Deployment deployment : whole.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            List<NetworkPolicy> selecting = whole.all(NetworkPolicy.class).stream()
                    .filter(candidate -> !candidate.getSpec().getPodSelector().getMatchLabels().isEmpty())
                    .filter(candidate -> Selectors.matches(candidate.getSpec().getPodSelector(), podLabels(deployment)))
                    .toList();
            assertThat(selecting).as("the NetworkPolicy of %s's pods", service).hasSize(1);
            NetworkPolicy policy = selecting.get(0);
            assertThat(policy.getSpec().getPolicyTypes()).as("%s may call out (the console: the services)", service)
                    .containsExactly("Ingress");
            assertThat(policy.getSpec().getIngress()).as(service).isNotEmpty().allSatisfy(rule -> {
                assertThat(rule.getFrom()).as("%s: a rule open to anyone", service).isNotEmpty();
                assertThat(rule.getPorts()).as("%s: a rule open on every port", service).isNotEmpty();
            });
            if (ServiceProperties.services().contains(service)) {
                assertThat(allowedFrom(policy, "http")).as("%s's HTTP port", service)
                        .containsExactlyInAnyOrder(frontDoor, consolePods);
            } else {
                assertThat(allowedFrom(policy, "http")).as("%s's HTTP port", service).containsExactly(frontDoor);
            }
            assertThat(allowedFrom(policy, "management")).as("%s's management port", service)
                    .containsExactly("namespaces " + Map.of("remote-work/monitoring", "true"));
        }
    }

    @Test
    void everyImageComesFromARegistryWithAVersionTag() {
        for (Deployment deployment : whole.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            Container container = Containers.of(deployment);
            String image = container.getImage();
            assertThat(image).as(service).doesNotStartWith("docker.io/remote-work").doesNotStartWith("remote-work/")
                    .endsWith("/remote-work/" + service + ":" + image.substring(image.lastIndexOf(':') + 1));
            String registry = image.substring(0, image.indexOf('/'));
            assertThat(registry).as("%s: a registry host, not a Docker Hub account", service).containsAnyOf(".", ":");
            assertThat(image.substring(image.lastIndexOf(':') + 1)).as(service).isNotEqualTo("latest").isNotBlank();
            assertThat(container.getImagePullPolicy()).as(service).isEqualTo("IfNotPresent");
        }
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    private static int portNumber(Container container, String name) {
        return container.getPorts().stream().filter(port -> name.equals(port.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no port named " + name)).getContainerPort();
    }

    /**
     * Who may reach {@code port}: "namespaces {labels}" for every pod of the labelled namespaces, or "pods of [names]"
     * for the pods of this namespace a pod selector picks, named by the Deployments whose pods it selects.
     */
    private List<String> allowedFrom(NetworkPolicy policy, String port) {
        List<String> from = new ArrayList<>();
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            if (rule.getPorts().stream().anyMatch(candidate -> port.equals(candidate.getPort().getStrVal()))) {
                rule.getFrom().forEach(peer -> {
                    assertThat(peer.getIpBlock()).isNull();
                    if (peer.getNamespaceSelector() != null) {
                        assertThat(peer.getPodSelector()).as("any pod of the selected namespaces").isNull();
                        from.add("namespaces " + peer.getNamespaceSelector().getMatchLabels());
                    } else {
                        from.add("pods of " + whole.all(Deployment.class).stream()
                                .filter(deployment -> Selectors.matches(peer.getPodSelector(), podLabels(deployment)))
                                .map(deployment -> deployment.getMetadata().getName()).sorted().toList());
                    }
                });
            }
        }
        return from;
    }
}
