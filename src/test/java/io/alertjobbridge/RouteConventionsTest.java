package io.alertjobbridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules for routes/, checked on every build: each route has a stable kebab-case id and a
 * description, names its error handling, appears in docs/ARCHITECTURE.md, and no id is used twice.
 */
class RouteConventionsTest {

    private static final Path ROUTES = Path.of("routes");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> routes() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROUTES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                assertThat(file.getFileName().toString()).as("route files are <stage>.camel.yaml").endsWith(".camel.yaml");
                Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
                for (Object item : (List<Object>) doc) {
                    Map<String, Object> entry = (Map<String, Object>) item;
                    if (entry.containsKey("route")) {
                        Map<String, Object> route = (Map<String, Object>) entry.get("route");
                        route.put("_file", file.getFileName().toString());
                        out.add(route);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void every_route_has_a_kebab_case_id_a_description_and_named_error_handling() throws IOException {
        List<Map<String, Object>> routes = routes();
        assertThat(routes).isNotEmpty();
        for (Map<String, Object> r : routes) {
            String where = r.get("_file") + " route " + r.get("id");
            assertThat(r.get("id")).as(where).isInstanceOf(String.class);
            assertThat((String) r.get("id")).as(where).matches("[a-z]+(-[a-z]+)+");
            assertThat(r.get("description")).as(where + " description").isInstanceOf(String.class);
            assertThat(r.containsKey("routeConfigurationId") || r.containsKey("errorHandler"))
                    .as(where + " names its routeConfigurationId").isTrue();
        }
    }

    @Test
    void route_ids_are_unique_and_all_drawn_in_the_architecture_document() throws IOException {
        String architecture = Files.readString(Path.of("docs", "ARCHITECTURE.md"));
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> r : routes()) {
            String id = (String) r.get("id");
            assertThat(seen.add(id)).as("route id " + id + " used twice").isTrue();
            assertThat(architecture).as("docs/ARCHITECTURE.md mentions route " + id).contains(id);
        }
    }
}
