package work.remote.k8s;

import java.util.List;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/** The Prometheus Operator's ServiceMonitor ({@code monitoring.coreos.com/v1}), the fields deploy/k8s uses. */
record ServiceMonitor(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(LabelSelector selector, List<Endpoint> endpoints) {
    }

    record Endpoint(String port, String path, String interval, String scheme) {
    }
}
