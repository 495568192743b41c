package work.remote.k8s;

import java.util.List;
import java.util.Map;

/**
 * A {@code kustomization.yaml} (kind Kustomization or Component), with the fields deploy/k8s uses. Read strictly: a
 * field kustomize would read but this renderer does not model fails the test rather than being ignored.
 */
record Kustomization(String apiVersion, String kind, String namespace, List<String> resources, List<String> components,
        List<Patch> patches, List<Image> images, List<Replacement> replacements,
        List<ConfigMapGenerator> configMapGenerator, GeneratorOptions generatorOptions) {

    static final String KUSTOMIZATION_API = "kustomize.config.k8s.io/v1beta1";
    static final String COMPONENT_API = "kustomize.config.k8s.io/v1alpha1";

    Kustomization {
        resources = resources == null ? List.of() : resources;
        components = components == null ? List.of() : components;
        patches = patches == null ? List.of() : patches;
        images = images == null ? List.of() : images;
        replacements = replacements == null ? List.of() : replacements;
        configMapGenerator = configMapGenerator == null ? List.of() : configMapGenerator;
    }

    boolean isComponent() {
        return "Component".equals(kind);
    }

    /** A patch from a file or inline: a JSON 6902 list of operations, or a strategic-merge {@code $patch: delete}. */
    record Patch(String path, String patch, Target target) {
    }

    record Target(String group, String version, String kind, String name, String labelSelector) {
    }

    record Image(String name, String newName, String newTag) {
    }

    record Replacement(Source source, List<ReplacementTarget> targets) {
    }

    record Source(String kind, String name, String fieldPath) {
    }

    record ReplacementTarget(Selector select, List<String> fieldPaths) {
    }

    record Selector(String kind, String name) {
    }

    record ConfigMapGenerator(String name, List<String> envs, List<String> literals) {

        ConfigMapGenerator {
            envs = envs == null ? List.of() : envs;
            literals = literals == null ? List.of() : literals;
        }
    }

    record GeneratorOptions(Boolean disableNameSuffixHash, Map<String, String> labels) {
    }
}
