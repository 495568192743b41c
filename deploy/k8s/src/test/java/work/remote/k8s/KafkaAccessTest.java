package work.remote.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import io.strimzi.api.kafka.model.user.acl.AclOperation;

import work.remote.events.EventCatalog;
import work.remote.events.EventType;

/**
 * Kafka on Strimzi's v1 API: KRaft, declared topics only, and each service its own user allowed exactly its topics; the
 * console a user that only reads.
 */
class KafkaAccessTest {

    private final Resources whole = K8s.whole();

    @Test
    void theBrokerRunsInKraftModeAndCreatesNoTopicOnItsOwn() {
        Kafka kafka = whole.kafka();
        assertThat(kafka.getMetadata().getAnnotations()).as("annotations Strimzi ignores since 0.48")
                .doesNotContainKeys("strimzi.io/kraft", "strimzi.io/node-pools");
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("auto.create.topics.enable", false);
        List<KafkaNodePool> pools = whole.all(KafkaNodePool.class).stream()
                .filter(pool -> kafka.getMetadata().getName().equals(pool.getMetadata().getLabels().get("strimzi.io/cluster")))
                .toList();
        assertThat(pools).flatMap(pool -> pool.getSpec().getRoles())
                .contains(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
    }

    @Test
    void theOnlyListenerIsTlsWithScramAuthenticationAndOnlyTheServicesMayReachIt() {
        Kafka kafka = whole.kafka();
        assertThat(kafka.getSpec().getKafka().getAuthorization()).isInstanceOf(KafkaAuthorizationSimple.class);
        List<GenericKafkaListener> listeners = kafka.getSpec().getKafka().getListeners();
        assertThat(listeners).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.isTls()).as(listener.getName()).isTrue();
            assertThat(listener.getAuth()).as(listener.getName()).isInstanceOf(KafkaListenerAuthenticationScramSha512.class);
            assertThat(listener.getNetworkPolicyPeers()).as("%s: who may connect", listener.getName()).isNotEmpty()
                    .allSatisfy(peer -> {
                        assertThat(peer.getNamespaceSelector()).isNull();
                        assertThat(peer.getIpBlock()).isNull();
                        for (Deployment deployment : whole.all(Deployment.class)) {
                            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                                    .containsAllEntriesOf(peer.getPodSelector().getMatchLabels());
                        }
                    });
        });
        for (Deployment deployment : whole.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            GenericKafkaListener listener = listeners.get(0);
            assertThat(Containers.value(deployment, whole, "KAFKA_BOOTSTRAP_SERVERS")).as(service)
                    .contains(kafka.getMetadata().getName() + "-kafka-bootstrap:" + listener.getPort());
            assertThat(Containers.value(deployment, whole, "KAFKA_SECURITY_PROTOCOL")).as(service).contains("SASL_SSL");
            assertThat(Containers.value(deployment, whole, "KAFKA_SASL_MECHANISM")).as(service).contains("SCRAM-SHA-512");
            assertThat(Containers.env(deployment, "KAFKA_SASL_JAAS_CONFIG")).as("%s logs in as its KafkaUser", service)
                    .hasValueSatisfying(variable -> {
                        assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo(service);
                        assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sasl.jaas.config");
                    });
        }
    }

    @Test
    void everyTopicAServiceWritesOrReadsIsDeclaredDeadLettersIncluded() {
        Set<String> declared = new TreeSet<>();
        for (KafkaTopic topic : whole.all(KafkaTopic.class)) {
            assertThat(topic.getMetadata().getLabels()).as(topic.getMetadata().getName())
                    .containsEntry("strimzi.io/cluster", whole.kafka().getMetadata().getName());
            declared.add(topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : topic.getMetadata().getName());
        }
        Set<String> used = new TreeSet<>();
        EventCatalog.contexts().forEach(context -> used.add(EventType.topicOf(context)));
        for (String deployable : ServiceProperties.deployables()) {
            used.addAll(expectedAcls(K8s.properties(deployable)).topics().keySet());
        }
        assertThat(used).as("dead-letter topics").anyMatch(topic -> topic.endsWith(".dead-letter"));
        assertThat(declared).isEqualTo(used);
    }

    @Test
    void eachServiceIsAKafkaUserAllowedExactlyTheTopicsAndGroupsItUses() {
        for (String service : ServiceProperties.deployables()) {
            KafkaUser user = whole.named(KafkaUser.class, service)
                    .orElseThrow(() -> new AssertionError("no KafkaUser " + service));
            assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", whole.kafka().getMetadata().getName());
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            assertThat(user.getSpec().getAuthorization()).isInstanceOf(KafkaUserAuthorizationSimple.class);
            List<AclRule> rules = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            assertThat(rules).as(service).allSatisfy(rule -> {
                assertThat(rule.getType()).isIn(null, AclRuleType.ALLOW);
                assertThat(rule.getHost()).isIn(null, "*");
            });
            assertThat(granted(rules)).as("%s's ACLs", service).isEqualTo(expectedAcls(K8s.properties(service)));
        }
    }

    @Test
    void theConsoleReadsEveryContextsEventsInGroupsOfItsOwnAndWritesNothing() {
        KafkaUser console = whole.named(KafkaUser.class, ServiceProperties.CONSOLE)
                .orElseThrow(() -> new AssertionError("no KafkaUser console"));
        Acls granted = granted(((KafkaUserAuthorizationSimple) console.getSpec().getAuthorization()).getAcls());
        Map<String, Set<AclOperation>> readOnly = new TreeMap<>();
        EventCatalog.contexts().forEach(context -> readOnly.put(EventType.topicOf(context),
                Set.of(AclOperation.READ, AclOperation.DESCRIBE)));
        assertThat(granted.topics()).isEqualTo(readOnly);
        assertThat(granted.groups()).isEqualTo(Map.of("console-*", Set.of(AclOperation.READ)));

        // every pod reads every partition (a page listens on the pod it reached): a group per pod, no shared offsets
        ServiceProperties properties = K8s.properties(ServiceProperties.CONSOLE);
        assertThat(properties.incomingChannels()).singleElement().satisfies(channel -> {
            String prefix = "mp.messaging.incoming." + channel + ".";
            assertThat(properties.value(prefix + "group.id")).startsWith("console-" + ServiceProperties.INSTANCE_ID);
            assertThat(properties.value(prefix + "commit-strategy")).isEqualTo("ignore");
            assertThat(properties.value(prefix + "enable.auto.commit")).isEqualTo("false");
        });
    }

    /** What a service's ACLs must allow, by resource: derived from its configuration and the event contract. */
    private static Acls expectedAcls(ServiceProperties service) {
        Acls acls = new Acls(new TreeMap<>(), new TreeMap<>());
        // its outbox relay publishes its context's events
        service.publishedTopic().ifPresent(topic -> acls.topic(topic, AclOperation.WRITE, AclOperation.DESCRIBE));
        // its consumer reads; a dead-letter replay publishes a record again to the topic it was consumed from
        for (String topic : service.consumedTopics()) {
            acls.topic(topic, AclOperation.READ, AclOperation.DESCRIBE);
            if (!service.deadLetterTopics().isEmpty()) {
                acls.topic(topic, AclOperation.WRITE);
            }
        }
        // its consumer writes dead letters; the replay reads them
        for (String topic : service.deadLetterTopics()) {
            acls.topic(topic, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.READ);
        }
        // a group named after the pod (a group per pod) is allowed by the prefix before the pod's name
        service.consumerGroups().forEach(group -> acls.group(group.contains(ServiceProperties.INSTANCE_ID)
                ? group.substring(0, group.indexOf(ServiceProperties.INSTANCE_ID)) + "*" : group, AclOperation.READ));
        if (!service.deadLetterTopics().isEmpty()) {
            acls.group(service.deadLetterReplayGroup(), AclOperation.READ);
        }
        return acls;
    }

    private static Acls granted(List<AclRule> rules) {
        Acls acls = new Acls(new TreeMap<>(), new TreeMap<>());
        for (AclRule rule : rules) {
            AclOperation[] operations = rule.getOperations().toArray(AclOperation[]::new);
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                assertThat(topic.getPatternType()).as(topic.getName()).isIn(null, AclResourcePatternType.LITERAL);
                acls.topic(topic.getName(), operations);
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                acls.group(group.getPatternType() == AclResourcePatternType.PREFIX ? group.getName() + "*" : group.getName(),
                        operations);
            } else {
                throw new AssertionError("an ACL on a " + rule.getResource().getType() + ", which no service needs");
            }
        }
        return acls;
    }

    /** Allowed operations by topic and by group; a group allowed by prefix is its prefix and {@code *}. */
    private record Acls(Map<String, Set<AclOperation>> topics, Map<String, Set<AclOperation>> groups) {

        void topic(String name, AclOperation... operations) {
            topics.computeIfAbsent(name, any -> new TreeSet<>()).addAll(List.of(operations));
        }

        void group(String name, AclOperation... operations) {
            groups.computeIfAbsent(name, any -> new TreeSet<>()).addAll(List.of(operations));
        }
    }
}
