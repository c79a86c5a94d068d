package io.alertjobbridge.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The kamelets validator's checks on our route templates and their instances in routes/: every
 * template parameter is described, declared parameters are used and used ones declared, the
 * template's route names its error handling, and every instance names a known template, gives only
 * its parameters (and every required one), and has a kebab-case route id drawn in docs/ARCHITECTURE.md.
 */
class RouteTemplateConventionsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z][A-Za-z0-9_.-]*)(?::[^}]*)?}}");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(String kind) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object item : (List<Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file))) {
                    Map<String, Object> entry = (Map<String, Object>) item;
                    if (entry.containsKey(kind)) {
                        Map<String, Object> e = new HashMap<>((Map<String, Object>) entry.get(kind));
                        e.put("_file", file.getFileName().toString());
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> declared(Map<String, Object> template) {
        Map<String, Map<String, Object>> params = new HashMap<>();
        for (Object p : (List<Object>) template.getOrDefault("parameters", List.of())) {
            Map<String, Object> param = (Map<String, Object>) p;
            params.put((String) param.get("name"), param);
        }
        return params;
    }

    @Test
    void there_is_the_custom_source_template_and_an_example_instance() throws IOException {
        assertThat(entries("routeTemplate")).extracting(t -> t.get("id")).contains("custom-alert-source");
        assertThat(entries("templatedRoute")).extracting(t -> t.get("routeTemplateRef")).contains("custom-alert-source");
    }

    @Test
    @SuppressWarnings("unchecked")
    void templates_describe_declare_and_use_their_parameters() throws IOException {
        for (Map<String, Object> template : entries("routeTemplate")) {
            String where = template.get("_file") + " template " + template.get("id");
            assertThat((String) template.get("id")).as(where).matches("[a-z]+(-[a-z]+)+");
            assertThat(template.get("description")).as(where + " description").isInstanceOf(String.class);
            Map<String, Map<String, Object>> params = declared(template);
            for (Map.Entry<String, Map<String, Object>> p : params.entrySet()) {
                assertThat(p.getValue().get("description")).as(where + " parameter " + p.getKey() + " is described")
                        .isInstanceOf(String.class);
            }
            Map<String, Object> route = (Map<String, Object>) template.get("route");
            assertThat(route).as(where + " has a route").isNotNull();
            assertThat(route.get("description")).as(where + " route description").isInstanceOf(String.class);
            assertThat(route.get("routeConfigurationId")).as(where + " names its error handling").isEqualTo("http-errors");
            String body = new Dump(DumpSettings.builder().build()).dumpToString(route);
            Set<String> used = new LinkedHashSet<>();
            Matcher m = PLACEHOLDER.matcher(body);
            while (m.find()) {
                used.add(m.group(1));
            }
            assertThat(params.keySet()).as(where + ": parameters declared but unused").isSubsetOf(used);
            assertThat(used).as(where + ": placeholders used but not declared").isSubsetOf(params.keySet());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void instances_name_a_template_give_its_parameters_and_are_drawn_in_the_architecture() throws IOException {
        Map<String, Map<String, Object>> templates = new HashMap<>();
        for (Map<String, Object> t : entries("routeTemplate")) {
            templates.put((String) t.get("id"), t);
        }
        String architecture = Files.readString(Path.of("docs", "ARCHITECTURE.md"));
        for (Map<String, Object> instance : entries("templatedRoute")) {
            String routeId = (String) instance.get("routeId");
            String where = instance.get("_file") + " instance " + routeId;
            assertThat(routeId).as(where + " has a kebab-case route id").isNotNull().matches("[a-z]+(-[a-z]+)+");
            assertThat(architecture).as("docs/ARCHITECTURE.md mentions route " + routeId).contains(routeId);
            Map<String, Object> template = templates.get((String) instance.get("routeTemplateRef"));
            assertThat(template).as(where + " names a template of routes/").isNotNull();
            Map<String, Map<String, Object>> params = declared(template);
            Set<String> given = new LinkedHashSet<>();
            for (Object p : (List<Object>) instance.getOrDefault("parameters", List.of())) {
                given.add((String) ((Map<String, Object>) p).get("name"));
            }
            assertThat(given).as(where + " gives only the template's parameters").isSubsetOf(params.keySet());
            params.forEach((name, param) -> {
                if (!param.containsKey("defaultValue") && !Boolean.FALSE.equals(param.get("required"))) {
                    assertThat(given).as(where + " gives the required parameter " + name).contains(name);
                }
            });
        }
    }
}
