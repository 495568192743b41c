package work.remote.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Rendered resources, each read into the typed model of its apiVersion and kind: fabric8's for Kubernetes and Gateway
 * API, Strimzi's {@code v1} model, and records for CloudNativePG and the ServiceMonitor. A kind without a model here,
 * or an apiVersion the current operators no longer serve (Strimzi's retired beta API), fails.
 */
final class Resources {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CloudNativePg.Cluster.class),
            Map.entry("postgresql.cnpg.io/v1/Database", CloudNativePg.Database.class),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", CloudNativePg.ScheduledBackup.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class));

    private final List<Object> all;

    private Resources(List<Object> all) {
        this.all = all;
    }

    static Resources typed(List<ObjectNode> rendered) {
        List<Object> typed = new ArrayList<>();
        for (ObjectNode resource : rendered) {
            String type = resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
            Class<?> model = MODELS.get(type);
            if (model == null) {
                throw new IllegalStateException(Kustomize.id(resource) + ": no model for " + type
                        + " (an API the current operators and Kubernetes serve?)");
            }
            typed.add(StrictYaml.convert(resource, model, Kustomize.id(resource)));
        }
        return new Resources(List.copyOf(typed));
    }

    int size() {
        return all.size();
    }

    <T> List<T> all(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(resource -> resource.getMetadata().getName().equals(name)).findFirst();
    }

    Deployment deployment(String service) {
        return named(Deployment.class, service).orElseThrow(() -> new AssertionError("no Deployment " + service));
    }

    Kafka kafka() {
        List<Kafka> kafkas = all(Kafka.class);
        if (kafkas.size() != 1) {
            throw new AssertionError("expected one Kafka, found " + kafkas.size());
        }
        return kafkas.get(0);
    }

    CloudNativePg.Cluster postgres() {
        List<CloudNativePg.Cluster> clusters = all(CloudNativePg.Cluster.class);
        if (clusters.size() != 1) {
            throw new AssertionError("expected one CloudNativePG Cluster, found " + clusters.size());
        }
        return clusters.get(0);
    }

    Map<String, String> configMap(String name) {
        return named(ConfigMap.class, name).map(ConfigMap::getData)
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
    }
}
