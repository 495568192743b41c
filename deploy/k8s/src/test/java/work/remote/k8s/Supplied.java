package work.remote.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** deploy/k8s/supplied.yaml: what a platform engineer creates before applying, which no manifest here makes. */
record Supplied(List<Secret> secrets, Gateway gateway, List<NamespaceLabel> namespaceLabels) {

    static Supplied read(Path k8s) {
        return StrictYaml.read(k8s.resolve("supplied.yaml"), Supplied.class);
    }

    Optional<Secret> secret(String name) {
        return secrets.stream().filter(secret -> secret.name().equals(name)).findFirst();
    }

    record Secret(String name, String type, List<String> keys, String usedBy, String create) {
    }

    record Gateway(String name, String namespace, String why) {
    }

    record NamespaceLabel(String label, String why) {
    }
}
