package work.remote.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Each service has its own database, role and Secret, the console none, PostgreSQL's connection budget fits every pool,
 * and every Secret, ConfigMap and file a Deployment names exists: made by an operator, by deploy/k8s, or supplied.yaml.
 */
class DatabaseAndSecretsTest {

    /** Kept free of the services' pools: superuser_reserved_connections, CloudNativePG, replication, an administrator. */
    private static final int RESERVED_CONNECTIONS = 20;

    private final Resources whole = K8s.whole();
    private final Supplied supplied = Supplied.read(K8s.DIRECTORY);

    @Test
    void eachServiceUsesItsOwnDatabaseOwnedByItsOwnRoleWithItsOwnSecret() {
        CloudNativePg.Cluster postgres = whole.postgres();
        List<String> owners = new ArrayList<>();
        for (Deployment deployment : withDatabase()) {
            String service = deployment.getMetadata().getName();
            URI jdbc = URI.create(Containers.value(deployment, whole, "QUARKUS_DATASOURCE_JDBC_URL")
                    .orElseThrow(() -> new AssertionError(service + " names no database")).substring("jdbc:".length()));
            assertThat(jdbc.getHost()).as(service).isEqualTo(postgres.metadata().getName() + "-rw");
            assertThat(jdbc.getPort()).as(service).isEqualTo(5432);
            String name = jdbc.getPath().substring(1);
            CloudNativePg.Database database = whole.all(CloudNativePg.Database.class).stream()
                    .filter(candidate -> candidate.spec().name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(service + "'s database " + name + " is not declared"));
            assertThat(database.spec().cluster().name()).isEqualTo(postgres.metadata().getName());
            assertThat(database.spec().ensure()).isIn(null, CloudNativePg.Ensure.PRESENT);
            CloudNativePg.RoleConfiguration owner = role(database.spec().owner());
            assertThat(owner.login()).as("role %s logs in", owner.name()).isTrue();
            owners.add(owner.name());

            for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                SecretKeySelector secret = secretRef(deployment, variable)
                        .orElseThrow(() -> new AssertionError(service + " takes " + variable + " from no Secret"));
                assertThat(secret.getName()).as("%s: %s", service, variable).isEqualTo(owner.passwordSecret().name());
            }
        }
        assertThat(owners).as("one role per service").doesNotHaveDuplicates();
    }

    @Test
    void aDeploymentWithoutADatabaseIsGivenNoneAndNoDatabaseSecret() {
        assertThat(withDatabase()).extracting(deployment -> deployment.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(ServiceProperties.services());
        List<String> databaseSecrets = whole.postgres().spec().managed().roles().stream()
                .map(role -> role.passwordSecret().name()).toList();
        for (Deployment deployment : whole.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            if (K8s.properties(name).hasDatabase()) {
                continue;
            }
            List<EnvVar> environment = Containers.of(deployment).getEnv();
            assertThat(environment).extracting(EnvVar::getName).as("%s has no database", name)
                    .noneSatisfy(variable -> assertThat(variable).startsWith("QUARKUS_DATASOURCE_"));
            assertThat(environment.stream().map(EnvVar::getValueFrom).filter(source -> source != null)
                    .map(EnvVarSource::getSecretKeyRef).filter(secret -> secret != null).map(SecretKeySelector::getName))
                    .as("%s reads no database's Secret", name).doesNotContainAnyElementsOf(databaseSecrets);
            for (Map<String, String> configMap : configMapsOf(deployment)) {
                assertThat(configMap.keySet()).as("%s has no database", name)
                        .noneSatisfy(key -> assertThat(key).startsWith("QUARKUS_DATASOURCE_"));
            }
        }
    }

    @Test
    void onlyTheDeploymentsWithADatabaseReachPostgres() {
        NetworkPolicy policy = whole.all(NetworkPolicy.class).stream()
                .filter(candidate -> whole.postgres().metadata().getName()
                        .equals(candidate.getSpec().getPodSelector().getMatchLabels().get("cnpg.io/cluster")))
                .findFirst().orElseThrow(() -> new AssertionError("no NetworkPolicy guards PostgreSQL"));
        for (Deployment deployment : whole.all(Deployment.class)) {
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            boolean reaches = policy.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream())
                    .filter(peer -> peer.getNamespaceSelector() == null && peer.getIpBlock() == null)
                    .anyMatch(peer -> Selectors.matches(peer.getPodSelector(), podLabels));
            assertThat(reaches).as("%s reaches PostgreSQL", deployment.getMetadata().getName())
                    .isEqualTo(K8s.properties(deployment.getMetadata().getName()).hasDatabase());
        }
    }

    @Test
    void pgHbaLetsEachRoleReachOnlyItsOwnDatabase() {
        List<String> rules = whole.postgres().spec().postgresql().pgHba();
        List<CloudNativePg.Database> databases = whole.all(CloudNativePg.Database.class);
        for (CloudNativePg.Database owned : databases) {
            for (CloudNativePg.Database database : databases) {
                String method = firstMatchingMethod(rules, database.spec().name(), owned.spec().owner());
                if (database == owned) {
                    assertThat(method).as("%s to its own database", owned.spec().owner()).isNotEqualTo("reject");
                } else {
                    assertThat(method).as("%s to %s", owned.spec().owner(), database.spec().name()).isEqualTo("reject");
                }
            }
        }
    }

    @Test
    void everyPoolFitsInPostgresMaxConnections() {
        int needed = RESERVED_CONNECTIONS;
        for (Deployment deployment : withDatabase()) {
            String service = deployment.getMetadata().getName();
            int pods = deployment.getSpec().getReplicas() + surge(deployment);
            int pool = K8s.properties(service).maxPoolSize();
            needed += pods * pool;
            String username = secretRef(deployment, "QUARKUS_DATASOURCE_USERNAME").orElseThrow().getName();
            CloudNativePg.RoleConfiguration role = whole.postgres().spec().managed().roles().stream()
                    .filter(candidate -> candidate.passwordSecret().name().equals(username)).findFirst().orElseThrow();
            assertThat(role.connectionLimit()).as("%s's connection limit fits %d pods x %d", role.name(), pods, pool)
                    .isNotNull().isGreaterThanOrEqualTo(pods * pool);
        }
        String maxConnections = whole.postgres().spec().postgresql().parameters().get("max_connections");
        assertThat(maxConnections).as("max_connections").isNotNull();
        assertThat(Integer.parseInt(maxConnections)).isGreaterThanOrEqualTo(needed);
    }

    @Test
    void everySecretADeploymentOrTheDatabaseNamesIsMadeHereByAnOperatorOrSupplied() {
        for (Deployment deployment : whole.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            for (EnvVar variable : Containers.of(deployment).getEnv()) {
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    SecretKeySelector secret = variable.getValueFrom().getSecretKeyRef();
                    assertThat(secretKeys(secret.getName())).as("%s: %s from Secret %s", service, variable.getName(),
                            secret.getName()).contains(secret.getKey());
                }
            }
            for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
                if (volume.getSecret() != null) {
                    assertThat(secretKeys(volume.getSecret().getSecretName())).as("%s: volume %s", service, volume.getName())
                            .isNotEmpty();
                }
            }
        }
        for (CloudNativePg.RoleConfiguration role : whole.postgres().spec().managed().roles()) {
            Supplied.Secret secret = supplied.secret(role.passwordSecret().name())
                    .orElseThrow(() -> new AssertionError("role " + role.name() + "'s Secret is not in supplied.yaml"));
            assertThat(secret.type()).isEqualTo("kubernetes.io/basic-auth");
            assertThat(secret.keys()).contains("username", "password");
            assertThat(secret.create()).contains("username=" + role.name());
        }
    }

    @Test
    void everyConfigMapADeploymentReadsExists() {
        for (Deployment deployment : whole.all(Deployment.class)) {
            assertThat(Containers.of(deployment).getEnvFrom()).as(deployment.getMetadata().getName()).isNotEmpty()
                    .allSatisfy(source -> {
                        assertThat(source.getSecretRef()).isNull();
                        assertThat(whole.named(ConfigMap.class, source.getConfigMapRef().getName()))
                                .as("ConfigMap %s", source.getConfigMapRef().getName()).isPresent();
                        assertThat(source.getConfigMapRef().getOptional()).isNotEqualTo(Boolean.TRUE);
                    });
        }
    }

    @Test
    void everyFileAServiceIsPointedAtIsAKeyOfAMountedSecret() {
        for (Deployment deployment : whole.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            for (String variable : List.of("JWT_PUBLIC_KEY_LOCATION", "KAFKA_SSL_TRUSTSTORE_LOCATION")) {
                Path file = Path.of(Containers.value(deployment, whole, variable)
                        .orElseThrow(() -> new AssertionError(service + " sets no " + variable)));
                VolumeMount mount = Containers.of(deployment).getVolumeMounts().stream()
                        .filter(candidate -> file.getParent().equals(Path.of(candidate.getMountPath()))).findFirst()
                        .orElseThrow(() -> new AssertionError(service + ": nothing is mounted at " + file.getParent()));
                Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                        .filter(candidate -> candidate.getName().equals(mount.getName())).findFirst().orElseThrow();
                assertThat(volume.getSecret()).as("%s: %s", service, mount.getMountPath()).isNotNull();
                assertThat(secretKeys(volume.getSecret().getSecretName())).as("%s: %s", service, file)
                        .contains(file.getFileName().toString());
            }
        }
    }

    private List<Deployment> withDatabase() {
        return whole.all(Deployment.class).stream()
                .filter(deployment -> K8s.properties(deployment.getMetadata().getName()).hasDatabase()).toList();
    }

    private List<Map<String, String>> configMapsOf(Deployment deployment) {
        return Containers.of(deployment).getEnvFrom().stream().filter(source -> source.getConfigMapRef() != null)
                .map(source -> whole.configMap(source.getConfigMapRef().getName())).toList();
    }

    /** The keys of a Secret that Strimzi writes (one per KafkaUser, the cluster CA) or that supplied.yaml lists. */
    private List<String> secretKeys(String name) {
        if (whole.named(KafkaUser.class, name).isPresent()) {
            return List.of("password", "sasl.jaas.config");
        }
        if (name.equals(whole.kafka().getMetadata().getName() + "-cluster-ca-cert")) {
            return List.of("ca.crt", "ca.p12", "ca.password");
        }
        return supplied.secret(name).map(Supplied.Secret::keys).orElse(List.of());
    }

    private CloudNativePg.RoleConfiguration role(String name) {
        return whole.postgres().spec().managed().roles().stream().filter(role -> role.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("role " + name + " is not a managed role of the cluster"));
    }

    private static Optional<SecretKeySelector> secretRef(Deployment deployment, String variable) {
        return Containers.env(deployment, variable).map(EnvVar::getValueFrom).map(EnvVarSource::getSecretKeyRef);
    }

    /** How many pods a rollout adds: Kubernetes rounds a percentage up, and refuses a number written as a string. */
    private static int surge(Deployment deployment) {
        IntOrString maxSurge = deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge();
        if (maxSurge.getIntVal() != null) {
            return maxSurge.getIntVal();
        }
        assertThat(maxSurge.getStrVal()).as("%s: maxSurge", deployment.getMetadata().getName()).matches("\\d+%");
        int percent = Integer.parseInt(maxSurge.getStrVal().substring(0, maxSurge.getStrVal().length() - 1));
        return (deployment.getSpec().getReplicas() * percent + 99) / 100;
    }

    /**
     * The method of the first pg_hba rule that matches a TCP connection of {@code user} to {@code database}; CloudNativePG
     * puts its own catch-all after these, so none matching means the connection is allowed.
     */
    private static String firstMatchingMethod(List<String> rules, String database, String user) {
        for (String rule : rules) {
            String[] fields = rule.trim().split("\\s+");
            assertThat(fields[0]).as(rule).isIn("host", "hostssl");
            if (matches(fields[1], database) && matches(fields[2], user)) {
                return fields[4];
            }
        }
        return "allowed by CloudNativePG's catch-all";
    }

    private static boolean matches(String field, String value) {
        return field.equals("all") || List.of(field.split(",")).contains(value);
    }
}
