package work.remote.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Each pod's Kafka consumers are static group members under the pod's name: a container restarted in its pod takes
 * its partitions back without a rebalance, and two pods never share an id. The console's pods each read everything,
 * in a group of their own named after the pod.
 */
class StaticMembershipTest {

    private final Resources whole = K8s.whole();

    @Test
    void everyConsumerJoinsUnderItsPodsName() {
        for (Deployment deployment : whole.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            EnvVar instanceId = Containers.env(deployment, "REMOTE_WORK_INSTANCE_ID")
                    .orElseThrow(() -> new AssertionError(service + " does not set REMOTE_WORK_INSTANCE_ID"));
            assertThat(instanceId.getValueFrom().getFieldRef().getFieldPath()).as(service).isEqualTo("metadata.name");

            ServiceProperties properties = K8s.properties(service);
            assertThat(properties.incomingChannels()).as(service).isNotEmpty();
            for (String channel : properties.incomingChannels()) {
                String prefix = "mp.messaging.incoming." + channel + ".";
                if (service.equals(ServiceProperties.CONSOLE)) {
                    assertThat(properties.value(prefix + "group.id")).as("%s: %s", service, channel)
                            .contains(ServiceProperties.INSTANCE_ID);
                } else {
                    assertThat(properties.value(prefix + "group.instance.id")).as("%s: %s", service, channel)
                            .isEqualTo("${remote-work.instance-id:}");
                }
            }
        }
    }
}
