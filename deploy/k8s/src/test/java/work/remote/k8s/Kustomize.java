package work.remote.k8s;

import static java.util.Objects.requireNonNullElse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.zjsonpatch.JsonPatch;

/**
 * Renders a kustomization directory the way {@code kubectl kustomize} does, for the features deploy/k8s uses:
 * resources (files and directories), components, configMapGenerator from env files, JSON 6902 and
 * strategic-merge-delete patches, replacements, images and namespace. Anything else is refused, so the test never
 * checks something other than what kustomize would apply. Every file it reaches is parsed.
 */
final class Kustomize {

    private static final List<String> CLUSTER_SCOPED = List.of("Namespace");

    private Kustomize() {
    }

    /** The resources {@code directory} renders to, with {@code extraComponents} applied as if it listed them. */
    static List<ObjectNode> render(Path directory, Path... extraComponents) {
        Kustomization kustomization = read(directory);
        if (kustomization.isComponent()) {
            throw new IllegalStateException(directory + " is a Component: it can only be listed under components:");
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (String resource : kustomization.resources()) {
            resources.addAll(resource(directory.resolve(resource)));
        }
        addAll(resources, generate(directory, kustomization));
        for (String component : kustomization.components()) {
            applyComponent(directory.resolve(component).normalize(), resources);
        }
        for (Path component : extraComponents) {
            applyComponent(component, resources);
        }
        transform(directory, kustomization, resources);
        return resources;
    }

    static Kustomization read(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(directory + " has no kustomization.yaml");
        }
        Kustomization kustomization = StrictYaml.read(file, Kustomization.class);
        String expectedApi = kustomization.isComponent() ? Kustomization.COMPONENT_API : Kustomization.KUSTOMIZATION_API;
        if (!expectedApi.equals(kustomization.apiVersion())
                || !List.of("Kustomization", "Component").contains(kustomization.kind())) {
            throw new IllegalStateException(file + ": " + kustomization.apiVersion() + " " + kustomization.kind()
                    + " is neither " + Kustomization.KUSTOMIZATION_API + " Kustomization nor "
                    + Kustomization.COMPONENT_API + " Component");
        }
        return kustomization;
    }

    private static List<ObjectNode> resource(Path path) {
        if (Files.isDirectory(path)) {
            return render(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is listed as a resource but does not exist");
        }
        List<ObjectNode> documents = new ArrayList<>();
        for (JsonNode document : StrictYaml.documents(path)) {
            if (!(document instanceof ObjectNode object) || !object.hasNonNull("apiVersion") || !object.hasNonNull("kind")
                    || !object.path("metadata").hasNonNull("name")) {
                throw new IllegalStateException(path + " holds a document without apiVersion, kind and metadata.name");
            }
            documents.add(object);
        }
        return documents;
    }

    private static void applyComponent(Path directory, List<ObjectNode> resources) {
        Kustomization component = read(directory);
        if (!component.isComponent()) {
            throw new IllegalStateException(directory + " is listed under components: but is a " + component.kind());
        }
        for (String resource : component.resources()) {
            addAll(resources, resource(directory.resolve(resource)));
        }
        addAll(resources, generate(directory, component));
        for (String nested : component.components()) {
            applyComponent(directory.resolve(nested).normalize(), resources);
        }
        transform(directory, component, resources);
    }

    /** Adds {@code added}, refusing one kustomize would refuse: the same kind, namespace and name twice. */
    private static void addAll(List<ObjectNode> resources, List<ObjectNode> added) {
        for (ObjectNode resource : added) {
            if (resources.stream().anyMatch(existing -> id(existing).equals(id(resource)))) {
                throw new IllegalStateException("two resources are " + id(resource));
            }
            resources.add(resource);
        }
    }

    static String id(JsonNode resource) {
        String group = resource.path("apiVersion").asText().contains("/")
                ? resource.path("apiVersion").asText().substring(0, resource.path("apiVersion").asText().indexOf('/'))
                : "";
        return group + "/" + resource.path("kind").asText() + " " + resource.path("metadata").path("namespace").asText("")
                + "/" + resource.path("metadata").path("name").asText();
    }

    private static void transform(Path directory, Kustomization kustomization, List<ObjectNode> resources) {
        if (kustomization.namespace() != null) {
            for (ObjectNode resource : resources) {
                if (!CLUSTER_SCOPED.contains(resource.path("kind").asText())) {
                    ((ObjectNode) resource.with("metadata")).put("namespace", kustomization.namespace());
                }
            }
        }
        for (Kustomization.Patch patch : kustomization.patches()) {
            applyPatch(directory, patch, resources);
        }
        for (Kustomization.Image image : kustomization.images()) {
            resources.forEach(resource -> setImage(resource, image));
        }
        for (Kustomization.Replacement replacement : kustomization.replacements()) {
            replace(directory, replacement, resources);
        }
    }

    private static List<ObjectNode> generate(Path directory, Kustomization kustomization) {
        List<ObjectNode> generated = new ArrayList<>();
        for (Kustomization.ConfigMapGenerator generator : kustomization.configMapGenerator()) {
            Kustomization.GeneratorOptions options = kustomization.generatorOptions();
            if (options == null || !Boolean.TRUE.equals(options.disableNameSuffixHash())) {
                throw new IllegalStateException(directory + ": ConfigMap " + generator.name()
                        + " would get a hash suffix, and the Deployments name it without one");
            }
            Map<String, String> data = new LinkedHashMap<>();
            for (String env : generator.envs()) {
                data.putAll(envFile(directory.resolve(env)));
            }
            generator.literals().forEach(literal -> data.putAll(keyValue(literal, directory + " literal")));
            ObjectNode configMap = StrictYaml.MAPPER.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
            ObjectNode metadata = configMap.putObject("metadata").put("name", generator.name());
            if (options.labels() != null) {
                options.labels().forEach(metadata.putObject("labels")::put);
            }
            data.forEach(configMap.putObject("data")::put);
            generated.add(configMap);
        }
        return generated;
    }

    static Map<String, String> envFile(Path file) {
        Map<String, String> entries = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    entries.putAll(keyValue(line, file.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return entries;
    }

    private static Map<String, String> keyValue(String line, String where) {
        int equals = line.indexOf('=');
        if (equals <= 0 || !line.substring(0, equals).matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            throw new IllegalStateException(where + ": '" + line + "' is not KEY=VALUE");
        }
        return Map.of(line.substring(0, equals), line.substring(equals + 1));
    }

    private static void applyPatch(Path directory, Kustomization.Patch patch, List<ObjectNode> resources) {
        if ((patch.path() == null) == (patch.patch() == null)) {
            throw new IllegalStateException(directory + ": a patch needs either path or patch");
        }
        JsonNode operations;
        if (patch.path() != null) {
            List<JsonNode> documents = StrictYaml.documents(directory.resolve(patch.path()));
            if (documents.size() != 1) {
                throw new IllegalStateException(directory.resolve(patch.path()) + " must hold one patch");
            }
            operations = documents.get(0);
        } else {
            try {
                operations = StrictYaml.MAPPER.readTree(patch.patch());
            } catch (IOException e) {
                throw new IllegalStateException(directory + ": an inline patch is not YAML: " + e.getMessage(), e);
            }
        }
        if (operations instanceof ArrayNode) {
            List<ObjectNode> targets = resources.stream().filter(resource -> matches(resource, patch.target())).toList();
            if (patch.target() == null || targets.isEmpty()) {
                throw new IllegalStateException(directory + ": a JSON 6902 patch must name a target that exists: " + patch);
            }
            for (ObjectNode target : targets) {
                JsonNode patched = JsonPatch.apply(operations, target);
                target.removeAll();
                target.setAll((ObjectNode) patched);
            }
        } else if ("delete".equals(operations.path("$patch").asText())) {
            ObjectNode deleting = ((ObjectNode) operations).deepCopy();
            deleting.remove("$patch");
            if (!resources.removeIf(resource -> sameObject(resource, deleting))) {
                throw new IllegalStateException(directory + ": the patch deletes " + id(deleting) + ", which is not there");
            }
        } else {
            throw new IllegalStateException(directory + ": only JSON 6902 patches and $patch: delete are rendered here");
        }
    }

    private static boolean sameObject(JsonNode resource, JsonNode other) {
        return resource.path("apiVersion").equals(other.path("apiVersion")) && resource.path("kind").equals(other.path("kind"))
                && resource.path("metadata").path("name").equals(other.path("metadata").path("name"));
    }

    private static boolean matches(JsonNode resource, Kustomization.Target target) {
        if (target == null || target.group() != null || target.version() != null) {
            return false;
        }
        boolean kind = target.kind() == null || target.kind().equals(resource.path("kind").asText());
        boolean name = target.name() == null || target.name().equals(resource.path("metadata").path("name").asText());
        boolean labels = target.labelSelector() == null || Arrays.stream(target.labelSelector().split(","))
                .map(pair -> pair.split("=", 2))
                .allMatch(pair -> pair[1].equals(resource.path("metadata").path("labels").path(pair[0]).asText(null)));
        return kind && name && labels;
    }

    private static void setImage(ObjectNode resource, Kustomization.Image image) {
        for (String containers : List.of("containers", "initContainers")) {
            for (JsonNode container : resource.path("spec").path("template").path("spec").path(containers)) {
                String current = container.path("image").asText();
                int tagAt = current.lastIndexOf(':') > current.lastIndexOf('/') ? current.lastIndexOf(':') : current.length();
                if (current.substring(0, tagAt).equals(image.name())) {
                    String tag = image.newTag() != null ? ":" + image.newTag()
                            : current.substring(tagAt);
                    ((ObjectNode) container).put("image", requireNonNullElse(image.newName(), image.name()) + tag);
                }
            }
        }
    }

    private static void replace(Path directory, Kustomization.Replacement replacement, List<ObjectNode> resources) {
        Kustomization.Source source = replacement.source();
        List<ObjectNode> sources = resources.stream().filter(resource -> source.kind().equals(resource.path("kind").asText())
                && (source.name() == null || source.name().equals(resource.path("metadata").path("name").asText())))
                .toList();
        if (sources.size() != 1) {
            throw new IllegalStateException(directory + ": a replacement's source must be exactly one " + source.kind()
                    + ", found " + sources.size());
        }
        JsonNode value = at(sources.get(0), source.fieldPath(), directory);
        for (Kustomization.ReplacementTarget target : replacement.targets()) {
            for (ObjectNode resource : resources) {
                if (target.select().kind().equals(resource.path("kind").asText()) && (target.select().name() == null
                        || target.select().name().equals(resource.path("metadata").path("name").asText()))) {
                    for (String fieldPath : target.fieldPaths()) {
                        String[] steps = fieldPath.split("\\.");
                        ObjectNode parent = (ObjectNode) at(resource, String.join(".",
                                Arrays.copyOf(steps, steps.length - 1)), directory);
                        if (!parent.has(steps[steps.length - 1])) {
                            throw new IllegalStateException(directory + ": " + id(resource) + " has no " + fieldPath);
                        }
                        parent.set(steps[steps.length - 1], value.deepCopy());
                    }
                }
            }
        }
    }

    private static JsonNode at(JsonNode resource, String fieldPath, Path directory) {
        JsonNode node = resource;
        for (String step : fieldPath.isEmpty() ? new String[0] : fieldPath.split("\\.")) {
            node = node.path(step);
        }
        if (node.isMissingNode()) {
            throw new IllegalStateException(directory + ": " + id(resource) + " has no " + fieldPath);
        }
        return node;
    }
}
