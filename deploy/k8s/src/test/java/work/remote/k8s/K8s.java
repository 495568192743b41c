package work.remote.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where deploy/k8s is, and its renderings, each made once for all the tests. */
final class K8s {

    static final Path DIRECTORY = Path.of(System.getProperty("remote-work.k8s-dir", ".")).toAbsolutePath().normalize();
    static final Path REPOSITORY = DIRECTORY.resolve("../..").normalize();
    static final String NAMESPACE = "remote-work";

    private static final Map<Path, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private K8s() {
    }

    /** What {@code kubectl apply -k deploy/k8s} applies. */
    static Resources whole() {
        return Resources.typed(rendered(DIRECTORY));
    }

    static List<ObjectNode> rendered(Path directory) {
        return RENDERED.computeIfAbsent(directory, Kustomize::render).stream().map(ObjectNode::deepCopy).toList();
    }

    static ServiceProperties properties(String service) {
        return ServiceProperties.of(REPOSITORY, service);
    }
}
