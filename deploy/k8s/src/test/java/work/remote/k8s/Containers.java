package work.remote.k8s;

import java.util.Optional;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The one container of a service's Deployment, and what its environment says. */
final class Containers {

    private Containers() {
    }

    static Container of(Deployment deployment) {
        var containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(deployment.getMetadata().getName() + " should run one container, runs " + containers.size());
        }
        return containers.get(0);
    }

    static Optional<EnvVar> env(Deployment deployment, String name) {
        return of(deployment).getEnv().stream().filter(variable -> variable.getName().equals(name)).findFirst();
    }

    /** A literal environment value, from the Deployment itself or from a ConfigMap it reads all of. */
    static Optional<String> value(Deployment deployment, Resources resources, String name) {
        Optional<String> literal = env(deployment, name).map(EnvVar::getValue);
        if (literal.isPresent()) {
            return literal;
        }
        return of(deployment).getEnvFrom().stream().filter(source -> source.getConfigMapRef() != null)
                .map(source -> resources.configMap(source.getConfigMapRef().getName()).get(name))
                .filter(value -> value != null).findFirst();
    }
}
