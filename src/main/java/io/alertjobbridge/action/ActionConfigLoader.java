package io.alertjobbridge.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import io.alertjobbridge.mapping.CompiledTemplateDetail;
import io.alertjobbridge.mapping.MappingException;
import io.alertjobbridge.mapping.VariableMapper;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads every {@code *.yaml} file of the actions folder into an {@link ActionConfig}. Strict on
 * purpose: an unknown key, a wrong type or a file name that differs from the action's name stops
 * the start with a message naming the file, because a silently ignored typo in a remediation
 * action is found only when the alert that needed it comes.
 */
public final class ActionConfigLoader {

    private static final Set<String> TOP_KEYS = Set.of("name", "desc", "is_enabled", "plugin_id", "bk_biz_id",
            "execute_config", "match", "converge", "callbacks");
    private static final Set<String> EXECUTE_KEYS = Set.of("template_id", "template_detail", "timeout");
    private static final Set<String> MATCH_KEYS = Set.of("source", "strategy_ids", "alert_name", "severity",
            "dimensions", "labels", "signal");
    private static final Set<String> CONDITION_KEYS = Set.of("equals", "regex", "exists");
    /** The signals, with Prometheus' words for two of them: a firing alert is abnormal, a resolved one recovered. */
    private static final Map<String, String> SIGNALS = Map.of("abnormal", "abnormal", "recovered", "recovered",
            "closed", "closed", "firing", "abnormal", "resolved", "recovered");
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,23}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final VariableMapper mapper;

    public ActionConfigLoader(VariableMapper mapper) {
        this.mapper = mapper;
    }

    public List<ActionConfig> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ActionConfigException("actions folder " + dir.toAbsolutePath()
                    + " does not exist (set bridge.actions.dir)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")
                    || p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new ActionConfigException("cannot list actions folder " + dir.toAbsolutePath(), e);
        }
        List<ActionConfig> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Path file : files) {
            ActionConfig config = load(file);
            if (!names.add(config.name())) {
                throw new ActionConfigException(file + ": action name '" + config.name() + "' is used twice");
            }
            out.add(config);
        }
        return Collections.unmodifiableList(out);
    }

    public ActionConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ActionConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(file.toString(), baseName(file), text);
    }

    /** Parses one action file's text; {@code expectedName} is the file name without its suffix. */
    public ActionConfig parse(String source, String expectedName, String text) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new ActionConfigException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        Fields top = new Fields(source, "", asMap(source, "", doc), TOP_KEYS);
        String name = top.requiredString("name");
        if (!NAME.matcher(name).matches()) {
            throw new ActionConfigException(source + ": name '" + name
                    + "' must be lower-case letters, digits and '-' (it names the file and appears in URLs)");
        }
        if (expectedName != null && !expectedName.equals(name)) {
            throw new ActionConfigException(source + ": the file must be named after the action: expected "
                    + name + ".yaml");
        }
        long pluginId = top.optionalLong("plugin_id", ActionConfig.JOB_PLUGIN_ID);
        if (pluginId != ActionConfig.JOB_PLUGIN_ID) {
            throw new ActionConfigException(source + ": plugin_id must be 3 (the job plugin), got " + pluginId);
        }
        long bizId = top.requiredPositiveLong("bk_biz_id");
        Fields exec = new Fields(source, "execute_config.", top.requiredMap("execute_config"), EXECUTE_KEYS);
        long templateId = exec.requiredPositiveLong("template_id");
        Map<String, String> detail = exec.stringMap("template_detail");
        long timeout = exec.optionalLong("timeout", ActionConfig.DEFAULT_TIMEOUT_SECONDS);
        if (timeout < ActionConfig.MIN_TIMEOUT_SECONDS || timeout > ActionConfig.MAX_TIMEOUT_SECONDS) {
            throw new ActionConfigException(source + ": execute_config.timeout must be between "
                    + ActionConfig.MIN_TIMEOUT_SECONDS + " and " + ActionConfig.MAX_TIMEOUT_SECONDS
                    + " seconds, got " + timeout);
        }
        ActionMatch match = parseMatch(source, top.optionalMap("match"));
        CompiledTemplateDetail compiled = null;
        String templateError = null;
        try {
            compiled = mapper.compile(detail);
        } catch (MappingException e) {
            templateError = e.getMessage();
        }
        Convergence converge = ConvergenceParser.parse(source, top.optionalMap("converge"));
        List<String> callbacks = new ArrayList<>();
        for (Object url : top.optionalList("callbacks")) {
            if (!(url instanceof String u) || u.isBlank()) {
                throw new ActionConfigException(source + ": callbacks must be a list of URLs, got '" + url + "'");
            }
            callbacks.add(u.trim());
        }
        return new ActionConfig(name, top.optionalString("desc", ""), top.optionalBoolean("is_enabled", true), bizId,
                templateId, detail, (int) timeout, match, compiled, templateError, source, converge,
                List.copyOf(callbacks));
    }

    private ActionMatch parseMatch(String source, Map<String, Object> raw) {
        Fields m = new Fields(source, "match.", raw == null ? Map.of() : raw, MATCH_KEYS);
        Set<String> sources = new LinkedHashSet<>();
        for (Object o : m.stringOrList("source")) {
            String name = String.valueOf(o);
            if (!SOURCE.matcher(name).matches()) {
                throw new ActionConfigException(source + ": match.source values are source names (bk-monitor,"
                        + " alertmanager, grafana or a custom source's name), got '" + o + "'");
            }
            sources.add(name);
        }
        Set<Long> strategyIds = new LinkedHashSet<>();
        for (Object o : m.optionalList("strategy_ids")) {
            strategyIds.add(m.toLong("strategy_ids[]", o));
        }
        Pattern alertName = null;
        String regex = m.optionalString("alert_name", null);
        if (regex != null) {
            alertName = compile(source, "match.alert_name", regex);
        }
        Set<Integer> severities = new LinkedHashSet<>();
        for (Object o : m.optionalList("severity")) {
            long s = m.toLong("severity[]", o);
            if (s < 1 || s > 3) {
                throw new ActionConfigException(source + ": match.severity values are 1 (fatal), 2 (warning) or"
                        + " 3 (remind), got " + s);
            }
            severities.add((int) s);
        }
        Map<String, LabelCondition> dimensions = conditions(source, "match.dimensions", m.optionalMap("dimensions"));
        Map<String, LabelCondition> labels = conditions(source, "match.labels", m.optionalMap("labels"));
        Set<String> signals = new LinkedHashSet<>();
        for (Object o : m.optionalList("signal")) {
            String signal = SIGNALS.get(String.valueOf(o).toLowerCase(Locale.ROOT));
            if (signal == null) {
                throw new ActionConfigException(source + ": match.signal values are abnormal, recovered or closed"
                        + " (firing and resolved also do), got '" + o + "'");
            }
            signals.add(signal);
        }
        return new ActionMatch(Set.copyOf(sources), Set.copyOf(strategyIds), alertName, Set.copyOf(severities),
                dimensions, labels, signals.isEmpty() ? ActionMatch.DEFAULT_SIGNALS : Set.copyOf(signals));
    }

    /**
     * A mapping of key to condition: a plain value is the equals shorthand ({@code mount_point: /data});
     * a mapping holds exactly one of {@code equals: value}, {@code regex: expression}, {@code exists: true|false}.
     */
    private static Map<String, LabelCondition> conditions(String source, String path, Map<String, Object> raw) {
        if (raw == null) {
            return Map.of();
        }
        Map<String, LabelCondition> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) raw).entrySet()) {
            String key = String.valueOf(e.getKey());
            String at = path + "." + key;
            Object v = e.getValue();
            if (v instanceof List) {
                throw new ActionConfigException(source + ": " + at + " must be a value or one of {equals: ...},"
                        + " {regex: ...}, {exists: true|false}, not a list");
            }
            if (!(v instanceof Map<?, ?> condition)) {
                out.put(key, LabelCondition.equalsTo(v == null ? "" : String.valueOf(v)));
                continue;
            }
            if (condition.size() != 1 || !CONDITION_KEYS.contains(String.valueOf(condition.keySet().iterator().next()))) {
                throw new ActionConfigException(source + ": " + at + " must hold exactly one of equals, regex or exists,"
                        + " got " + condition.keySet());
            }
            String op = String.valueOf(condition.keySet().iterator().next());
            Object operand = condition.values().iterator().next();
            if (operand instanceof Map || operand instanceof List || operand == null) {
                throw new ActionConfigException(source + ": " + at + "." + op + " must be a single value");
            }
            out.put(key, switch (op) {
                case "equals" -> LabelCondition.equalsTo(String.valueOf(operand));
                case "regex" -> LabelCondition.regex(compile(source, at + ".regex", String.valueOf(operand)));
                default -> {
                    if (!(operand instanceof Boolean present)) {
                        throw new ActionConfigException(source + ": " + at + ".exists must be true or false, got '"
                                + operand + "'");
                    }
                    yield LabelCondition.exists(present);
                }
            });
        }
        return Collections.unmodifiableMap(out);
    }

    private static Pattern compile(String source, String path, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ActionConfigException(source + ": " + path + " is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(String source, String path, Object o) {
        if (!(o instanceof Map)) {
            throw new ActionConfigException(source + ": " + (path.isEmpty() ? "the file" : path)
                    + " must be a mapping of keys to values");
        }
        return (Map<String, Object>) o;
    }

    /** Typed, strict access to one mapping of the file, naming the file and the key on every error. */
    private static final class Fields {
        private final String source;
        private final String prefix;
        private final Map<String, Object> map;

        Fields(String source, String prefix, Map<String, Object> map, Set<String> allowed) {
            this.source = source;
            this.prefix = prefix;
            this.map = map;
            for (Object key : map.keySet()) {
                if (!allowed.contains(String.valueOf(key))) {
                    throw new ActionConfigException(source + ": unknown key '" + prefix + key + "' (allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        private ActionConfigException error(String key, String problem) {
            return new ActionConfigException(source + ": " + prefix + key + " " + problem);
        }

        String requiredString(String key) {
            Object o = map.get(key);
            if (!(o instanceof String s) || s.isBlank()) {
                throw error(key, "is required and must be a non-empty string");
            }
            return s;
        }

        String optionalString(String key, String fallback) {
            Object o = map.get(key);
            if (o == null) {
                return fallback;
            }
            if (!(o instanceof String s)) {
                throw error(key, "must be a string");
            }
            return s;
        }

        boolean optionalBoolean(String key, boolean fallback) {
            Object o = map.get(key);
            if (o == null) {
                return fallback;
            }
            if (!(o instanceof Boolean b)) {
                throw error(key, "must be true or false");
            }
            return b;
        }

        long toLong(String key, Object o) {
            if (o instanceof Integer || o instanceof Long) {
                return ((Number) o).longValue();
            }
            if (o instanceof String s && s.matches("-?\\d{1,18}")) {
                return Long.parseLong(s);
            }
            throw error(key, "must be an integer, got " + (o == null ? "nothing" : "'" + o + "'"));
        }

        long requiredPositiveLong(String key) {
            long v = toLong(key, map.get(key));
            if (v <= 0) {
                throw error(key, "must be a positive integer, got " + v);
            }
            return v;
        }

        long optionalLong(String key, long fallback) {
            Object o = map.get(key);
            return o == null ? fallback : toLong(key, o);
        }

        Map<String, Object> requiredMap(String key) {
            Object o = map.get(key);
            if (o == null) {
                throw error(key, "is required");
            }
            return asMap(source, prefix + key, o);
        }

        Map<String, Object> optionalMap(String key) {
            Object o = map.get(key);
            return o == null ? null : asMap(source, prefix + key, o);
        }

        List<?> optionalList(String key) {
            Object o = map.get(key);
            if (o == null) {
                return List.of();
            }
            if (!(o instanceof List<?> l)) {
                throw error(key, "must be a list");
            }
            return l;
        }

        /** A single value or a list of them, as a list. */
        List<?> stringOrList(String key) {
            Object o = map.get(key);
            if (o == null) {
                return List.of();
            }
            if (o instanceof Map) {
                throw error(key, "must be a name or a list of names");
            }
            return o instanceof List<?> l ? l : List.of(o);
        }

        /** A mapping of string keys to scalar values, kept in file order (the order Job receives). */
        Map<String, String> stringMap(String key) {
            Object o = map.get(key);
            if (o == null) {
                return Map.of();
            }
            Map<String, Object> raw = asMap(source, prefix + key, o);
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : raw.entrySet()) {
                Object v = e.getValue();
                if (v instanceof Map || v instanceof List) {
                    throw error(key + "." + e.getKey(), "must be a string, not a " + (v instanceof Map ? "mapping" : "list"));
                }
                out.put(String.valueOf(e.getKey()), v == null ? "" : String.valueOf(v));
            }
            return Collections.unmodifiableMap(out);
        }
    }
}
