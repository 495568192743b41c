package work.remote.k8s;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * CloudNativePG's resources ({@code postgresql.cnpg.io/v1}), which have no published Java model: the fields deploy/k8s
 * uses, named as in CloudNativePG's API reference (https://cloudnative-pg.io/documentation/current/cloudnative-pg.v1/).
 * Read strictly, so a misspelt field or enum value fails.
 */
final class CloudNativePg {

    private CloudNativePg() {
    }

    record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {
    }

    record ClusterSpec(int instances, StorageConfiguration storage, PostgresConfiguration postgresql,
            ManagedConfiguration managed, BackupConfiguration backup) {
    }

    record StorageConfiguration(String size, String storageClass) {
    }

    record PostgresConfiguration(Map<String, String> parameters, @JsonProperty("pg_hba") List<String> pgHba) {
    }

    record ManagedConfiguration(List<RoleConfiguration> roles) {
    }

    record RoleConfiguration(String name, Ensure ensure, Boolean login, Integer connectionLimit,
            LocalObjectReference passwordSecret, String comment) {
    }

    record LocalObjectReference(String name) {
    }

    record BackupConfiguration(VolumeSnapshotConfiguration volumeSnapshot) {
    }

    record VolumeSnapshotConfiguration(Boolean online, String className) {
    }

    record Database(String apiVersion, String kind, ObjectMeta metadata, DatabaseSpec spec) {
    }

    record DatabaseSpec(LocalObjectReference cluster, String name, String owner, Ensure ensure,
            ReclaimPolicy databaseReclaimPolicy) {
    }

    record ScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, ScheduledBackupSpec spec) {
    }

    record ScheduledBackupSpec(String schedule, LocalObjectReference cluster, BackupMethod method, BackupTarget target,
            OwnerReference backupOwnerReference, Boolean immediate, Boolean suspend) {

        ScheduledBackupSpec {
            if (schedule == null || schedule.trim().split("\\s+").length != 6) {
                throw new IllegalArgumentException("schedule '" + schedule
                        + "' must have six fields (seconds first), as CloudNativePG's cron expressions do");
            }
        }
    }

    enum Ensure {
        @JsonProperty("present") PRESENT,
        @JsonProperty("absent") ABSENT
    }

    enum ReclaimPolicy {
        @JsonProperty("retain") RETAIN,
        @JsonProperty("delete") DELETE
    }

    enum BackupMethod {
        @JsonProperty("barmanObjectStore") BARMAN_OBJECT_STORE,
        @JsonProperty("volumeSnapshot") VOLUME_SNAPSHOT,
        @JsonProperty("plugin") PLUGIN
    }

    enum BackupTarget {
        @JsonProperty("primary") PRIMARY,
        @JsonProperty("prefer-standby") PREFER_STANDBY
    }

    enum OwnerReference {
        @JsonProperty("none") NONE,
        @JsonProperty("self") SELF,
        @JsonProperty("cluster") CLUSTER
    }
}
