package id.kriyanusa;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployments in infra/k8s and infra/compose, checked offline in the normal build:
 * every Kubernetes object read through the Kubernetes API's own types (fabric8), with no
 * field those types do not know; the operators' resources carrying what their operators
 * need; probes on the actuator groups this application exposes; and the settings given to
 * the portal being ones it reads. A typo in a manifest fails here, not at `kubectl apply`
 * time or in production.
 */
class DeploymentManifestsTest {

    private static final Path INFRA = Path.of("..", "infra").toAbsolutePath().normalize();

    private static final Path K8S = INFRA.resolve("k8s");

    private static final Path COMPOSE = INFRA.resolve("compose");

    private static final String PORTAL_IMAGE = "ghcr.io/kriyanusa/portal:";

    /** Built-in kinds the manifests may use, by apiVersion and kind. */
    private static final Map<String, Class<? extends HasMetadata>> BUILT_IN = Map.ofEntries(
            entry("v1/Namespace", Namespace.class), entry("v1/ConfigMap", ConfigMap.class),
            entry("v1/Service", Service.class), entry("apps/v1/Deployment", Deployment.class),
            entry("apps/v1/StatefulSet", StatefulSet.class), entry("batch/v1/Job", Job.class),
            entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            entry("networking.k8s.io/v1/Ingress", Ingress.class),
            entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class));

    /** The operators' resources and the fields their operators cannot do without. */
    private static final Map<String, List<String>> CUSTOM = Map.ofEntries(
            entry("elasticsearch.k8s.elastic.co/v1/Elasticsearch",
                    List.of("spec.version", "spec.nodeSets.name", "spec.nodeSets.count",
                            "spec.nodeSets.volumeClaimTemplates.spec.resources.requests.storage")),
            entry("postgresql.cnpg.io/v1/Cluster", List.of("spec.instances", "spec.imageName", "spec.storage.size",
                    "spec.bootstrap.initdb.database", "spec.bootstrap.initdb.owner")));

    /** Variables the JVM reads, not Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    /**
     * The Compose attributes these files use, so that a misspelt one (which Compose would
     * refuse, or a healthcheck option it would ignore) fails here.
     */
    private static final Map<String, Set<String>> COMPOSE_KEYS = Map.ofEntries(
            entry("top level", Set.of("services", "volumes", "networks")),
            entry("service",
                    Set.of("image", "command", "entrypoint", "environment", "depends_on", "healthcheck", "deploy",
                            "volumes", "ports", "restart", "hostname", "user", "ulimits")),
            entry("healthcheck", Set.of("test", "interval", "timeout", "retries", "start_period", "start_interval")),
            entry("depends_on", Set.of("condition", "restart", "required")),
            entry("condition", Set.of("service_started", "service_healthy", "service_completed_successfully")),
            entry("restart", Set.of("no", "always", "on-failure", "unless-stopped")));

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET).*");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<HasMetadata> objects = kubernetesObjects();

    private final Map<String, Object> compose = yamlDocuments(COMPOSE.resolve("compose.yaml")).get(0);

    @Test
    void everyKubernetesObjectIsAKnownKindWithOnlyFieldsItsTypeKnows() {
        var problems = new ArrayList<String>();
        for (var document : kubernetesDocuments()) {
            var key = document.get("apiVersion") + "/" + document.get("kind");
            if (!BUILT_IN.containsKey(key) && !CUSTOM.containsKey(key)) {
                problems.add(key + " is not a kind these manifests may use");
            }
            else if (BUILT_IN.containsKey(key)) {
                unknownFields(JSON.convertValue(document, BUILT_IN.get(key)), name(document), problems);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(objects).extracting(HasMetadata::getKind)
            .contains("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress");
    }

    @Test
    void operatorResourcesCarryWhatTheirOperatorsNeed() throws IOException {
        var problems = new ArrayList<String>();
        var customs = kubernetesDocuments().stream()
            .filter(document -> CUSTOM.containsKey(document.get("apiVersion") + "/" + document.get("kind")))
            .toList();
        for (var document : customs) {
            JsonNode tree = JSON.valueToTree(document);
            for (var path : CUSTOM.get(document.get("apiVersion") + "/" + document.get("kind"))) {
                if (!present(tree, path.split("\\."), 0)) {
                    problems.add(name(document) + " lacks " + path);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(customs).extracting(document -> document.get("kind"))
            .containsExactlyInAnyOrder("Elasticsearch", "Cluster");
        // the search cluster runs the version the tests run against
        var version = Pattern.compile("<elasticsearch-server.version>(.+)</elasticsearch-server.version>")
            .matcher(Files.readString(INFRA.resolveSibling("pom.xml")))
            .results()
            .findFirst()
            .orElseThrow()
            .group(1);
        var elasticsearch = customs.stream().filter(document -> document.get("kind").equals("Elasticsearch"));
        assertThat(elasticsearch)
            .allMatch(document -> version.equals(((Map<?, ?>) document.get("spec")).get("version")));
        assertThat(images()).filteredOn(image -> image.contains("/elasticsearch:"))
            .isNotEmpty()
            .allMatch(image -> image.endsWith(":" + version));
    }

    @Test
    void portalProbesAskTheActuatorGroupsTheApplicationExposes() throws IOException {
        var paths = actuatorHealthPaths();
        assertThat(paths).contains("/actuator/health/liveness", "/actuator/health/readiness");
        var portal = portalDeployment();
        var container = portal.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getReadinessProbe()).as("readiness probe").isNotNull();
        assertThat(container.getLivenessProbe()).as("liveness probe").isNotNull();
        assertThat(container.getStartupProbe()).as("startup probe").isNotNull();
        for (var probe : List.of(container.getReadinessProbe(), container.getLivenessProbe(),
                container.getStartupProbe())) {
            assertThat(probe.getHttpGet().getPath()).isIn(paths);
            assertThat(probePort(container, probe)).isEqualTo(8080);
        }
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        for (var service : portalServices()) {
            assertThat(String.valueOf(service.get("healthcheck"))).as(service.get("name") + " healthcheck")
                .contains("/actuator/health/readiness");
        }
    }

    @Test
    void containersAskForResourcesRunPinnedImagesAndTakeSecretsByReference() {
        var problems = new ArrayList<String>();
        for (var object : objects) {
            var where = object.getKind() + " " + object.getMetadata().getName();
            var template = podTemplate(object);
            if (template != null) {
                for (var container : template.getSpec().getContainers()) {
                    var resources = container.getResources();
                    for (var quantity : List.of("cpu", "memory")) {
                        if (resources == null || resources.getRequests() == null
                                || !resources.getRequests().containsKey(quantity) || resources.getLimits() == null
                                || !resources.getLimits().containsKey(quantity)) {
                            problems.add(where + ": no " + quantity + " request and limit for " + container.getName());
                        }
                    }
                    if (!pinned(container.getImage())) {
                        problems.add(where + ": image not pinned: " + container.getImage());
                    }
                    for (var env : container.getEnv()) {
                        if (SECRET_NAME.matcher(env.getName()).matches() && env.getValue() != null) {
                            problems.add(where + ": " + env.getName() + " written inline, not from a Secret");
                        }
                    }
                }
            }
            if (object instanceof ConfigMap configMap && configMap.getData() != null) {
                configMap.getData()
                    .keySet()
                    .stream()
                    .filter(key -> SECRET_NAME.matcher(key).matches())
                    .forEach(key -> problems.add(where + ": " + key + " belongs in a Secret"));
            }
            if (object.getKind().equals("Secret")) {
                problems.add(where + ": Secrets are created beside the manifests, never kept in them");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void servicesAutoscalerAndDisruptionBudgetFindTheirPods() {
        var workloads = objects.stream().filter(object -> podTemplate(object) != null).toList();
        for (var service : objectsOf(Service.class)) {
            var selector = service.getSpec().getSelector();
            var target = workloads.stream()
                .filter(workload -> labels(workload).entrySet().containsAll(selector.entrySet()))
                .findFirst();
            assertThat(target).as("pods of Service " + service.getMetadata().getName()).isPresent();
            var ports = podTemplate(target.get()).getSpec()
                .getContainers()
                .stream()
                .flatMap(container -> container.getPorts().stream())
                .toList();
            for (var port : service.getSpec().getPorts()) {
                var targetPort = port.getTargetPort();
                assertThat(ports).as("Service " + service.getMetadata().getName() + " port " + port.getName())
                    .anyMatch(containerPort -> (targetPort.getStrVal() != null)
                            ? targetPort.getStrVal().equals(containerPort.getName())
                            : targetPort.getIntVal().equals(containerPort.getContainerPort()));
            }
        }
        var portal = portalDeployment();
        var autoscaler = objectsOf(HorizontalPodAutoscaler.class).get(0).getSpec();
        assertThat(autoscaler.getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getScaleTargetRef().getName()).isEqualTo(portal.getMetadata().getName());
        assertThat(autoscaler.getMinReplicas()).isGreaterThanOrEqualTo(portal.getSpec().getReplicas());
        assertThat(autoscaler.getMetrics())
            .anyMatch(metric -> metric.getResource() != null && metric.getResource().getName().equals("cpu"));
        var budget = objectsOf(PodDisruptionBudget.class).get(0).getSpec();
        assertThat(labels(portal)).containsAllEntriesOf(budget.getSelector().getMatchLabels());
        assertThat(budget.getMinAvailable().getIntVal()).isBetween(1, portal.getSpec().getReplicas() - 1);
        var backends = objectsOf(Ingress.class).stream()
            .flatMap(ingress -> ingress.getSpec().getRules().stream())
            .flatMap(rule -> rule.getHttp().getPaths().stream())
            .map(path -> path.getBackend().getService().getName())
            .toList();
        assertThat(backends).isNotEmpty()
            .allMatch(name -> objectsOf(Service.class).stream()
                .anyMatch(service -> service.getMetadata().getName().equals(name)));
    }

    @Test
    void kustomizationAppliesEveryManifestAndTheSecretsItNeedsAreDocumented() throws IOException {
        var kustomization = yamlDocuments(K8S.resolve("kustomization.yaml")).get(0);
        assertThat((List<String>) kustomization.get("resources")).containsExactlyInAnyOrderElementsOf(
                manifestFiles().stream().map(file -> file.getFileName().toString()).toList());
        var configMaps = new HashSet<String>();
        for (var generator : (List<Map<String, Object>>) kustomization.get("configMapGenerator")) {
            assertThat((List<String>) generator.get("files")).allMatch(file -> Files.isRegularFile(K8S.resolve(file)));
            configMaps.add((String) generator.get("name"));
        }
        objectsOf(ConfigMap.class).forEach(configMap -> configMaps.add(configMap.getMetadata().getName()));
        var readme = Files.readString(K8S.resolve("README.md"));
        for (var object : objects) {
            var template = podTemplate(object);
            if (template == null) {
                continue;
            }
            template.getSpec()
                .getVolumes()
                .stream()
                .filter(volume -> volume.getConfigMap() != null)
                .forEach(volume -> assertThat(configMaps).contains(volume.getConfigMap().getName()));
            for (var container : template.getSpec().getContainers()) {
                container.getEnvFrom()
                    .stream()
                    .filter(source -> source.getConfigMapRef() != null)
                    .forEach(source -> assertThat(configMaps).contains(source.getConfigMapRef().getName()));
                container.getEnv()
                    .stream()
                    .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                    .map(env -> env.getValueFrom().getSecretKeyRef())
                    .forEach(secret -> assertThat(readme).as("README.md on Secret " + secret.getName())
                        .contains(secret.getName())
                        .contains(secret.getKey()));
            }
        }
    }

    @Test
    void everySettingGivenToThePortalIsOneItReads() throws Exception {
        var properties = applicationProperties();
        var given = new TreeSet<String>();
        var portal = portalDeployment().getSpec().getTemplate().getSpec().getContainers().get(0);
        portal.getEnv().stream().map(EnvVar::getName).forEach(given::add);
        for (var source : portal.getEnvFrom()) {
            objectsOf(ConfigMap.class).stream()
                .filter(configMap -> configMap.getMetadata().getName().equals(source.getConfigMapRef().getName()))
                .forEach(configMap -> given.addAll(configMap.getData().keySet()));
        }
        for (var service : portalServices()) {
            given.addAll(((Map<String, ?>) service.get("environment")).keySet());
        }
        assertThat(given).contains("SPRING_DATASOURCE_URL", "SPRING_ELASTICSEARCH_URIS", "KRIYANUSA_STORAGE_ENDPOINT",
                "KRIYANUSA_SECURITY_TOKENS_SECRET");
        assertThat(given).filteredOn(name -> !JVM_VARIABLES.contains(name) && !properties.reads(name))
            .as("settings the application does not read")
            .isEmpty();
    }

    @Test
    void composeUsesOnlyAttributesComposeKnows() {
        var problems = new ArrayList<String>();
        compose.keySet()
            .stream()
            .filter(key -> !key.startsWith("x-") && !COMPOSE_KEYS.get("top level").contains(key))
            .forEach(key -> problems.add("unknown top-level attribute " + key));
        ((Map<String, Map<String, Object>>) compose.get("services")).forEach((name, service) -> {
            unknownKeys(name, service, "service", problems);
            if (service.get("healthcheck") instanceof Map<?, ?> healthcheck) {
                unknownKeys(name + " healthcheck", healthcheck, "healthcheck", problems);
            }
            if (service.get("depends_on") instanceof Map<?, ?> dependencies) {
                dependencies.forEach((dependency, condition) -> {
                    unknownKeys(name + " depends_on " + dependency, (Map<?, ?>) condition, "depends_on", problems);
                    if (!COMPOSE_KEYS.get("condition").contains(((Map<?, ?>) condition).get("condition"))) {
                        problems.add(name + " depends_on " + dependency + ": unknown condition");
                    }
                });
            }
            if (service.containsKey("restart") && !COMPOSE_KEYS.get("restart").contains(service.get("restart"))) {
                problems.add(name + ": unknown restart policy " + service.get("restart"));
            }
        });
        assertThat(problems).isEmpty();
    }

    private static void unknownKeys(String where, Map<?, ?> attributes, String kind, List<String> problems) {
        attributes.keySet()
            .stream()
            .filter(key -> !COMPOSE_KEYS.get(kind).contains(key))
            .forEach(key -> problems.add(where + ": unknown attribute " + key));
    }

    @Test
    void composeServicesArePinnedHealthCheckedAndWithinTheMemoryBudget() throws IOException {
        var services = services();
        var oneShot = new HashSet<String>();
        for (var service : services.values()) {
            var dependencies = service.get("depends_on");
            if (dependencies instanceof Map<?, ?> conditions) {
                conditions.forEach((name, condition) -> {
                    assertThat(services).as("depends_on " + name).containsKey((String) name);
                    if ("service_completed_successfully".equals(((Map<?, ?>) condition).get("condition"))) {
                        oneShot.add((String) name);
                    }
                });
            }
        }
        long limits = 0;
        for (var entry : services.entrySet()) {
            var service = entry.getValue();
            assertThat(interpolated((String) service.get("image"))).as(entry.getKey() + " image").matches(this::pinned);
            if (!oneShot.contains(entry.getKey())) {
                assertThat(service).as(entry.getKey() + " healthcheck").containsKey("healthcheck");
            }
            var memory = Stream.of("deploy", "resources", "limits", "memory")
                .reduce((Object) service, (node, key) -> node == null ? null : ((Map<?, ?>) node).get(key),
                        (a, b) -> b);
            assertThat(memory).as(entry.getKey() + " memory limit").isNotNull();
            limits += bytes(String.valueOf(memory));
        }
        assertThat(limits).as("memory limits against x-memory-budget")
            .isLessThanOrEqualTo(bytes((String) compose.get("x-memory-budget")));
        assertThat(portalServices()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void composeVariablesAreInTheExampleAndNginxBalancesThePortals() throws IOException {
        var example = Files.readAllLines(COMPOSE.resolve(".env.example"))
            .stream()
            .filter(line -> line.contains("=") && !line.startsWith("#"))
            .map(line -> line.substring(0, line.indexOf('=')))
            .toList();
        var used = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)")
            .matcher(Files.readString(COMPOSE.resolve("compose.yaml")))
            .results()
            .map(result -> result.group(1))
            .distinct()
            .toList();
        assertThat(example).containsAll(used);
        var upstreams = Pattern.compile("server\\s+([\\w-]+):8080")
            .matcher(Files.readString(COMPOSE.resolve("nginx.conf")))
            .results()
            .map(result -> result.group(1))
            .toList();
        assertThat(upstreams).containsExactlyInAnyOrderElementsOf(
                portalServices().stream().map(service -> (String) service.get("name")).toList());
    }

    // Kubernetes

    private static List<Path> manifestFiles() {
        try (var files = Files.list(K8S)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                .sorted()
                .toList();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<Map<String, Object>> kubernetesDocuments() {
        return manifestFiles().stream().flatMap(file -> yamlDocuments(file).stream()).toList();
    }

    private static List<HasMetadata> kubernetesObjects() {
        return kubernetesDocuments().stream()
            .filter(document -> BUILT_IN.containsKey(document.get("apiVersion") + "/" + document.get("kind")))
            .<HasMetadata>map(document -> JSON.convertValue(document,
                    BUILT_IN.get(document.get("apiVersion") + "/" + document.get("kind"))))
            .toList();
    }

    private <T> List<T> objectsOf(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private Deployment portalDeployment() {
        var portals = objectsOf(Deployment.class).stream()
            .filter(deployment -> deployment.getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .stream()
                .anyMatch(container -> container.getImage().startsWith(PORTAL_IMAGE)))
            .toList();
        assertThat(portals).as("the portal's Deployment").hasSize(1);
        return portals.get(0);
    }

    private static PodTemplateSpec podTemplate(HasMetadata object) {
        return switch (object) {
            case Deployment deployment -> deployment.getSpec().getTemplate();
            case StatefulSet statefulSet -> statefulSet.getSpec().getTemplate();
            case Job job -> job.getSpec().getTemplate();
            default -> null;
        };
    }

    private static Map<String, String> labels(HasMetadata workload) {
        return podTemplate(workload).getMetadata().getLabels();
    }

    private static int probePort(Container container, Probe probe) {
        var port = probe.getHttpGet().getPort();
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts()
            .stream()
            .filter(containerPort -> port.getStrVal().equals(containerPort.getName()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()))
            .getContainerPort();
    }

    /**
     * Fields the type does not know end up in fabric8's additional properties instead of
     * failing; they would be dropped or refused by the API server, so here they fail.
     */
    private static void unknownFields(Object value, String path, List<String> problems) {
        switch (value) {
            case null -> {
            }
            case Collection<?> items -> {
                int index = 0;
                for (var item : items) {
                    unknownFields(item, path + "[" + index++ + "]", problems);
                }
            }
            case Map<?, ?> entries -> entries.forEach((key, item) -> unknownFields(item, path + "." + key, problems));
            default -> {
                if (!value.getClass().getPackageName().startsWith("io.fabric8")) {
                    return;
                }
                for (Method getter : value.getClass().getMethods()) {
                    if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                            || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                        continue;
                    }
                    var child = invoke(getter, value);
                    if (getter.getName().equals("getAdditionalProperties")) {
                        ((Map<?, ?>) child).keySet().forEach(field -> problems.add(path + ": unknown field " + field));
                    }
                    else {
                        unknownFields(child, path + "." + property(getter.getName()), problems);
                    }
                }
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static boolean present(JsonNode node, String[] path, int at) {
        if (at == path.length) {
            return !node.isMissingNode() && !node.isNull() && !node.asString("x").isBlank();
        }
        if (node.isArray()) {
            var all = !node.isEmpty();
            for (var item : node) {
                all &= present(item, path, at);
            }
            return all;
        }
        return node.has(path[at]) && present(node.get(path[at]), path, at + 1);
    }

    // Compose

    private Map<String, Map<String, Object>> services() {
        var services = new LinkedHashMap<String, Map<String, Object>>();
        ((Map<String, Map<String, Object>>) compose.get("services")).forEach((name, service) -> {
            var named = new HashMap<>(service);
            named.put("name", name);
            services.put(name, named);
        });
        return services;
    }

    private List<Map<String, Object>> portalServices() {
        return services().values()
            .stream()
            .filter(service -> interpolated((String) service.get("image")).startsWith(PORTAL_IMAGE))
            .toList();
    }

    /**
     * Compose's `${NAME:-default}` as it reads without an .env file; other variables
     * stay.
     */
    private static String interpolated(String text) {
        return Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}")
            .matcher(text)
            .replaceAll(result -> Matcher.quoteReplacement(result.group(1)));
    }

    private static long bytes(String size) {
        var matcher = Pattern.compile("(\\d+)([kmg]?)").matcher(size.toLowerCase());
        assertThat(matcher.matches()).as("a size: " + size).isTrue();
        int shift = switch (matcher.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(matcher.group(1)) << shift;
    }

    // Both

    private List<String> images() {
        var images = new ArrayList<String>();
        objects.stream()
            .map(DeploymentManifestsTest::podTemplate)
            .filter(template -> template != null)
            .flatMap(template -> template.getSpec().getContainers().stream())
            .forEach(container -> images.add(container.getImage()));
        services().values().forEach(service -> images.add(interpolated((String) service.get("image"))));
        return images;
    }

    /** A tag other than latest, or a digest. */
    private boolean pinned(String image) {
        var name = image.substring(image.lastIndexOf('/') + 1);
        return image.contains("@sha256:") || (name.contains(":") && !name.endsWith(":latest") && !name.contains("$"));
    }

    private static List<Map<String, Object>> yamlDocuments(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            var documents = new ArrayList<Map<String, Object>>();
            new Yaml().loadAll(in).forEach(document -> documents.add((Map<String, Object>) document));
            return documents;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String name(Map<String, Object> document) {
        return document.get("kind") + " " + ((Map<?, ?>) document.get("metadata")).get("name");
    }

    private static String property(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }

    /**
     * The health paths the application serves: `/health` and one per group, the liveness
     * and readiness groups when probes are enabled.
     */
    private static Set<String> actuatorHealthPaths() throws IOException {
        var source = (EnumerablePropertySource<?>) new YamlPropertySourceLoader()
            .load("application", new ClassPathResource("application.yaml"))
            .get(0);
        var base = String.valueOf(source.getProperty("management.endpoints.web.base-path") == null ? "/actuator"
                : source.getProperty("management.endpoints.web.base-path"));
        assertThat(String.valueOf(source.getProperty("management.endpoints.web.exposure.include"))).contains("health");
        var paths = new TreeSet<String>();
        paths.add(base + "/health");
        var group = Pattern.compile("management\\.endpoint\\.health\\.group\\.([\\w-]+)\\..*");
        for (var name : source.getPropertyNames()) {
            group.matcher(name).results().forEach(result -> paths.add(base + "/health/" + result.group(1)));
        }
        if ("true".equals(String.valueOf(source.getProperty("management.endpoint.health.probes.enabled")))) {
            paths.add(base + "/health/liveness");
            paths.add(base + "/health/readiness");
        }
        return paths;
    }

    /**
     * Every property the application reads: Spring Boot's and the libraries' (their
     * configuration metadata) and the application's own (its
     * {@code @ConfigurationProperties} and {@code @Value}s).
     */
    private static ApplicationProperties applicationProperties() throws Exception {
        var properties = new ApplicationProperties(new HashSet<>(), new HashSet<>());
        var resolver = new PathMatchingResourcePatternResolver();
        for (Resource metadata : resolver.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
            try (var in = metadata.getInputStream()) {
                for (var property : JSON.readTree(in).path("properties")) {
                    var type = property.path("type").asString("");
                    (type.startsWith("java.util.Map") ? properties.maps() : properties.names())
                        .add(property.path("name").asString());
                }
            }
        }
        var placeholder = Pattern.compile("\\$\\{([^:}]+)");
        // the application's classes only: neither the tests' nor the local services'
        // (absent from the production jar)
        var application = KriyanusaApplication.class.getProtectionDomain().getCodeSource().getLocation();
        for (Resource type : resolver.getResources(application + "id/kriyanusa/**/*.class")) {
            var name = type.getURI().toString().replaceFirst(".*/(id/kriyanusa/.*)\\.class$", "$1").replace('/', '.');
            var loaded = Class.forName(name, false, DeploymentManifestsTest.class.getClassLoader());
            var bound = loaded.getAnnotation(ConfigurationProperties.class);
            if (bound != null && loaded.isRecord()) {
                for (var component : loaded.getRecordComponents()) {
                    properties.names().add(bound.value() + "." + kebab(component.getName()));
                }
            }
            var annotated = new ArrayList<AnnotatedElement>(List.of(loaded.getDeclaredFields()));
            Stream.concat(Stream.of(loaded.getDeclaredConstructors()), Stream.of(loaded.getDeclaredMethods()))
                .forEach(executable -> {
                    annotated.add(executable);
                    annotated.addAll(List.<Parameter>of(executable.getParameters()));
                });
            for (var element : annotated) {
                var value = element.getAnnotation(Value.class);
                if (value != null) {
                    placeholder.matcher(value.value())
                        .results()
                        .forEach(result -> properties.names().add(result.group(1)));
                }
            }
        }
        return properties;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** Property names, and the names of map properties whose keys follow them. */
    private record ApplicationProperties(Set<String> names, Set<String> maps) {

        /** Whether Spring binds this environment variable to a property it knows. */
        boolean reads(String variable) {
            return names.stream().anyMatch(name -> variables(name).contains(variable)) || maps.stream()
                .anyMatch(name -> variables(name).stream().anyMatch(prefix -> variable.startsWith(prefix + "_")));
        }

        /** The variables Spring's SystemEnvironmentPropertySource maps to this name. */
        private static List<String> variables(String name) {
            var upper = name.toUpperCase().replace('.', '_');
            return List.of(upper.replace('-', '_'), upper.replace("-", ""));
        }

    }

}
