package work.remote.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * YAML read into typed models strictly: a field the model does not know fails. fabric8's and Strimzi's models keep
 * unknown fields in an {@code additionalProperties} map (a Jackson any-setter) so that a client never loses data; here
 * that map is switched off, so a misspelt or removed field is an error instead of a silently kept extra. Strimzi's
 * model also still reads the fields its v1 API removed (marked {@code @Deprecated}): those are refused as well.
 */
final class StrictYaml {

    static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .annotationIntrospector(new UnknownFieldsRefused())
            .addModule(new SimpleModule().setDeserializerModifier(new StrimziDeprecatedFieldsRefused()))
            .build();

    private StrictYaml() {
    }

    /** The documents of a YAML file, without the empty ones (a file may hold only comments between two ---). */
    static List<JsonNode> documents(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                JsonNode document = MAPPER.readTree(parser);
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return documents;
    }

    static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static <T> T convert(JsonNode node, Class<T> type, String where) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (IOException e) {
            throw new IllegalStateException(where + " is not a valid " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private static final class StrimziDeprecatedFieldsRefused extends BeanDeserializerModifier {

        @Override
        public List<BeanPropertyDefinition> updateProperties(DeserializationConfig config, BeanDescription description,
                List<BeanPropertyDefinition> properties) {
            if (!description.getBeanClass().getName().startsWith("io.strimzi.")) {
                return properties;
            }
            return properties.stream().filter(property -> !deprecated(property)).toList();
        }

        private static boolean deprecated(BeanPropertyDefinition property) {
            return Stream.of(property.getGetter(), property.getSetter(), property.getField())
                    .anyMatch(member -> member != null && member.hasAnnotation(Deprecated.class));
        }
    }

    private static final class UnknownFieldsRefused extends JacksonAnnotationIntrospector {

        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
            return super.findPropertyIgnoralByName(config, annotated).withoutIgnoreUnknown();
        }
    }
}
