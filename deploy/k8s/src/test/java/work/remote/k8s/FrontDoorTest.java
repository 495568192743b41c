package work.remote.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * One host, a path per service, exactly where each service's public URL (the base of the links it puts in events)
 * says it is, and the console at the root: as a Gateway API HTTPRoute, or an Ingress instead. Browsers and tokens are
 * configured per deployment.
 */
class FrontDoorTest {

    /** A root-relative path in Java ({@code @Path("/launches")}) or a template ({@code href="/tickets/{id}"}). */
    private static final Pattern CONSOLE_PATH = Pattern.compile(
            "(?:@Path\\(|(?:href|action|src|hx-get|hx-post|sse-connect)=)\"/([A-Za-z0-9._-]+)");

    private final Resources whole = K8s.whole();

    @Test
    void theHttpRouteServesEveryServiceAtThePathOfItsPublicUrl() {
        HTTPRoute route = whole.all(HTTPRoute.class).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no HTTPRoute"));
        Supplied.Gateway gateway = Supplied.read(K8s.DIRECTORY).gateway();
        assertThat(route.getSpec().getParentRefs()).singleElement().satisfies(parent -> {
            assertThat(parent.getName()).isEqualTo(gateway.name());
            assertThat(parent.getNamespace() == null ? K8s.NAMESPACE : parent.getNamespace()).isEqualTo(gateway.namespace());
        });
        for (Deployment deployment : services(whole)) {
            URI publicUrl = publicUrl(deployment);
            assertThat(route.getSpec().getHostnames()).as("host of %s", publicUrl).contains(publicUrl.getHost());
            HTTPRouteRule rule = route.getSpec().getRules().stream()
                    .filter(candidate -> candidate.getMatches().stream()
                            .anyMatch(match -> match.getPath().getValue().equals(publicUrl.getPath())))
                    .findFirst().orElseThrow(() -> new AssertionError("no route for " + publicUrl));
            assertThat(rule.getMatches()).singleElement()
                    .satisfies(match -> assertThat(match.getPath().getType()).isEqualTo("PathPrefix"));
            assertThat(rule.getFilters()).as("%s: the prefix is the service's root", publicUrl).singleElement()
                    .satisfies(filter -> {
                        assertThat(filter.getType()).isEqualTo("URLRewrite");
                        assertThat(filter.getUrlRewrite().getPath().getType()).isEqualTo("ReplacePrefixMatch");
                        assertThat(filter.getUrlRewrite().getPath().getReplacePrefixMatch()).isEqualTo("/");
                    });
            assertThat(rule.getBackendRefs()).singleElement().satisfies(backend -> {
                Service service = whole.named(Service.class, backend.getName())
                        .orElseThrow(() -> new AssertionError("no Service " + backend.getName()));
                assertThat(servesHttpOf(service, backend.getPort(), deployment)).as("%s -> %s:%d", publicUrl,
                        backend.getName(), backend.getPort()).isTrue();
            });
        }
    }

    /**
     * The console's pages link to each other from the root (/launches/..., /tickets/...): every path they use reaches
     * the console as it is, none is taken by a service's prefix. Gateway API picks the longest prefix, by whole segments.
     */
    @Test
    void theHttpRouteServesTheConsoleAtTheRootAndEveryPathOfItsPagesReachesIt() {
        HTTPRoute route = whole.all(HTTPRoute.class).get(0);
        Deployment console = whole.deployment(ServiceProperties.CONSOLE);
        Set<String> paths = consolePaths();
        assertThat(paths).as("the console's pages").contains("/launches", "/tickets", "/processes", "/meetings", "/live");
        for (String path : paths) {
            HTTPRouteRule rule = route.getSpec().getRules().stream()
                    .filter(candidate -> candidate.getMatches().stream().anyMatch(match -> prefixOf(match.getPath().getValue(), path)))
                    .max(Comparator.comparingInt(candidate -> candidate.getMatches().get(0).getPath().getValue().length()))
                    .orElseThrow(() -> new AssertionError("no route for the console's " + path));
            assertThat(rule.getFilters()).as("%s reaches the console as it is", path).isNullOrEmpty();
            assertThat(rule.getBackendRefs()).singleElement().satisfies(backend -> {
                Service service = whole.named(Service.class, backend.getName())
                        .orElseThrow(() -> new AssertionError("no Service " + backend.getName()));
                assertThat(servesHttpOf(service, backend.getPort(), console)).as("the console's %s -> %s:%d", path,
                        backend.getName(), backend.getPort()).isTrue();
            });
        }
    }

    @Test
    void theIngressAlternativeServesTheSamePaths() {
        Resources behindIngress = Resources.typed(Kustomize.render(K8s.DIRECTORY, K8s.DIRECTORY.resolve("components/ingress")));
        Ingress ingress = behindIngress.all(Ingress.class).get(0);
        for (Deployment deployment : services(behindIngress)) {
            URI publicUrl = publicUrl(deployment);
            var rule = ingress.getSpec().getRules().stream().filter(candidate -> candidate.getHost().equals(publicUrl.getHost()))
                    .findFirst().orElseThrow(() -> new AssertionError("no Ingress rule for " + publicUrl.getHost()));
            HTTPIngressPath path = rule.getHttp().getPaths().stream()
                    .filter(candidate -> candidate.getPath().startsWith(publicUrl.getPath() + "("))
                    .findFirst().orElseThrow(() -> new AssertionError("no Ingress path for " + publicUrl));
            Service service = behindIngress.named(Service.class, path.getBackend().getService().getName()).orElseThrow();
            ServicePort port = service.getSpec().getPorts().stream()
                    .filter(candidate -> candidate.getName().equals(path.getBackend().getService().getPort().getName()))
                    .findFirst().orElseThrow();
            assertThat(servesHttpOf(service, port.getPort(), deployment)).as(publicUrl.toString()).isTrue();
        }

        // ingress-nginx tries the longest path first, and rewrites to /$2
        Deployment console = behindIngress.deployment(ServiceProperties.CONSOLE);
        List<HTTPIngressPath> longestFirst = ingress.getSpec().getRules().get(0).getHttp().getPaths().stream()
                .sorted(Comparator.comparingInt((HTTPIngressPath path) -> path.getPath().length()).reversed()).toList();
        for (String request : consolePaths().stream().flatMap(path -> Stream.of(path, path + "/x")).toList()) {
            HTTPIngressPath chosen = longestFirst.stream()
                    .filter(candidate -> Pattern.compile("^" + candidate.getPath()).matcher(request).find()).findFirst()
                    .orElseThrow(() -> new AssertionError("no Ingress path for the console's " + request));
            Matcher matcher = Pattern.compile("^" + chosen.getPath()).matcher(request);
            assertThat(matcher.find()).isTrue();
            assertThat("/" + matcher.group(2)).as("the console's %s, rewritten", request).isEqualTo(request);
            Service service = behindIngress.named(Service.class, chosen.getBackend().getService().getName()).orElseThrow();
            ServicePort port = service.getSpec().getPorts().stream()
                    .filter(candidate -> candidate.getName().equals(chosen.getBackend().getService().getPort().getName()))
                    .findFirst().orElseThrow();
            assertThat(servesHttpOf(service, port.getPort(), console)).as("the console's %s", request).isTrue();
        }
    }

    @Test
    void corsOriginsAudienceAndSwaggerUiAreSetPerDeploymentAndOffByDefault() {
        for (Deployment deployment : services(whole)) {
            String service = deployment.getMetadata().getName();
            ServiceProperties properties = K8s.properties(service);
            assertThat(properties.value("quarkus.http.cors.enabled")).as(service).isEqualTo("true");
            assertThat(properties.value("quarkus.http.cors.origins")).as("%s: no origin in the build", service).isNull();
            assertThat(Containers.value(deployment, whole, "QUARKUS_HTTP_CORS_ORIGINS")).as(service).hasValue("");
            assertThat(Containers.value(deployment, whole, "MP_JWT_VERIFY_AUDIENCES")).as(service)
                    .hasValueSatisfying(audience -> assertThat(audience).isNotBlank());
            assertThat(properties.value("quarkus.swagger-ui.enable")).as("%s: Swagger UI off in production", service)
                    .isEqualTo("false");
            assertThat(Containers.value(deployment, whole, "QUARKUS_SWAGGER_UI_ENABLE")).as(service).hasValue("false");
        }
    }

    /** The four services' Deployments: the APIs with public URLs, not the console. */
    private static List<Deployment> services(Resources resources) {
        return resources.all(Deployment.class).stream()
                .filter(deployment -> ServiceProperties.services().contains(deployment.getMetadata().getName())).toList();
    }

    /**
     * The first segment of every root-relative path in the console's resources ({@code @Path}) and templates (links,
     * forms, scripts, live updates).
     */
    private static Set<String> consolePaths() {
        Path console = K8s.REPOSITORY.resolve(ServiceProperties.CONSOLE).resolve("src/main");
        Set<String> paths = new TreeSet<>();
        try (Stream<Path> files = Files.walk(console)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".java") || file.toString().endsWith(".html")).toList()) {
                Matcher matcher = CONSOLE_PATH.matcher(Files.readString(file));
                while (matcher.find()) {
                    paths.add("/" + matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + console, e);
        }
        return paths;
    }

    /** Whether a PathPrefix match of {@code prefix} takes {@code path}: Gateway API matches whole segments. */
    private static boolean prefixOf(String prefix, String path) {
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return path.equals(trimmed) || path.startsWith(trimmed + "/");
    }

    private URI publicUrl(Deployment deployment) {
        String variable = K8s.properties(deployment.getMetadata().getName()).publicUrlVariable();
        return URI.create(Containers.value(deployment, whole, variable)
                .orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + " sets no " + variable)));
    }

    /** Whether {@code service}'s {@code port} selects {@code deployment}'s pods and leads to their http port. */
    static boolean servesHttpOf(Service service, Integer port, Deployment deployment) {
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        if (!podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet())) {
            return false;
        }
        Container container = Containers.of(deployment);
        int httpPort = container.getPorts().stream().filter(candidate -> "http".equals(candidate.getName())).findFirst()
                .orElseThrow().getContainerPort();
        List<ServicePort> matching = service.getSpec().getPorts().stream()
                .filter(candidate -> candidate.getPort().equals(port)).toList();
        return matching.size() == 1 && (Integer.valueOf(httpPort).equals(matching.get(0).getTargetPort().getIntVal())
                || "http".equals(matching.get(0).getTargetPort().getStrVal()));
    }
}
