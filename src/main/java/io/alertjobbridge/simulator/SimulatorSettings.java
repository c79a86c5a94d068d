package io.alertjobbridge.simulator;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's configuration, read once at start through a plain key lookup so it needs no Camel. Keys:
 * <ul>
 *   <li>{@code bridge.simulator.enabled}: true/false; when unset, on exactly when {@code bridge.job.base-url} is blank</li>
 *   <li>{@code bridge.simulator.app-code} / {@code app-secret}: the credentials callers must present; default
 *       {@code bridge.job.app-code} / {@code bridge.job.app-secret}. With no secret at all every call is refused.</li>
 *   <li>{@code bridge.simulator.job-duration-ms} (3000): one run, split over its steps</li>
 *   <li>{@code bridge.simulator.stop-delay-ms} (1000): terminate's 10 (stopping) before 11</li>
 *   <li>{@code bridge.simulator.max-instances} (100000): oldest instances are forgotten beyond this</li>
 *   <li>{@code bridge.simulator.plan.<id>.name|behavior|duration-ms}: change a built-in plan or add one</li>
 * </ul>
 * Bad values fail the start with the key and value in the message.
 */
final class SimulatorSettings {

    static final String PREFIX = "bridge.simulator.";
    private static final Pattern PLAN_KEY = Pattern.compile(Pattern.quote(PREFIX) + "plan\\.(\\d+)\\..+");

    private final boolean enabled;
    private final boolean explicitlyEnabled;
    private final String appCode;
    private final String appSecret;
    private final long stopDelayMs;
    private final int maxInstances;
    private final Map<Long, SimulatedPlan> plans;

    private SimulatorSettings(Function<String, Optional<String>> lookup, Collection<String> simulatorKeys) {
        Optional<String> enabledText = text(lookup, PREFIX + "enabled");
        explicitlyEnabled = enabledText.map(t -> parseBoolean(PREFIX + "enabled", t)).orElse(false);
        enabled = enabledText.isPresent() ? explicitlyEnabled : text(lookup, "bridge.job.base-url").isEmpty();
        appCode = text(lookup, PREFIX + "app-code").or(() -> text(lookup, "bridge.job.app-code")).orElse(null);
        appSecret = text(lookup, PREFIX + "app-secret").or(() -> text(lookup, "bridge.job.app-secret")).orElse(null);
        long durationMs = number(lookup, PREFIX + "job-duration-ms", 3000, 1);
        stopDelayMs = number(lookup, PREFIX + "stop-delay-ms", 1000, 0);
        maxInstances = (int) number(lookup, PREFIX + "max-instances", 100_000, 1);
        plans = plans(lookup, simulatorKeys, durationMs);
    }

    static SimulatorSettings from(Function<String, Optional<String>> lookup, Collection<String> simulatorKeys) {
        return new SimulatorSettings(lookup, simulatorKeys);
    }

    /** For tests and hand wiring: the properties as a map. */
    static SimulatorSettings of(Map<String, String> properties) {
        return from(key -> Optional.ofNullable(properties.get(key)), properties.keySet());
    }

    boolean enabled() {
        return enabled;
    }

    boolean explicitlyEnabled() {
        return explicitlyEnabled;
    }

    String appCode() {
        return appCode;
    }

    String appSecret() {
        return appSecret;
    }

    long stopDelayMs() {
        return stopDelayMs;
    }

    int maxInstances() {
        return maxInstances;
    }

    Map<Long, SimulatedPlan> plans() {
        return plans;
    }

    private static Map<Long, SimulatedPlan> plans(Function<String, Optional<String>> lookup, Collection<String> keys,
                                                  long durationMs) {
        Map<Long, SimulatedPlan> defaults = new TreeMap<>();
        BuiltInPlans.all(durationMs).forEach(p -> defaults.put(p.id(), p));
        TreeSet<Long> ids = new TreeSet<>(defaults.keySet());
        for (String key : keys) {
            Matcher m = PLAN_KEY.matcher(key);
            if (m.matches()) {
                ids.add(Long.parseLong(m.group(1)));
            }
        }
        Map<Long, SimulatedPlan> plans = new TreeMap<>();
        for (long id : ids) {
            String prefix = PREFIX + "plan." + id + ".";
            SimulatedPlan base = defaults.getOrDefault(id,
                    BuiltInPlans.plan(id, "plan-" + id, PlanBehavior.SUCCEED, durationMs, BuiltInPlans.DEFAULT_STEPS));
            String name = text(lookup, prefix + "name").orElse(base.name());
            PlanBehavior behavior = text(lookup, prefix + "behavior").map(PlanBehavior::parse).orElse(base.behavior());
            long duration = number(lookup, prefix + "duration-ms", base.durationMs(), 1);
            plans.put(id, new SimulatedPlan(id, name, behavior, duration, base.steps(), base.defaultHosts(), base.variables()));
        }
        return Map.copyOf(plans);
    }

    private static Optional<String> text(Function<String, Optional<String>> lookup, String key) {
        return lookup.apply(key).map(String::trim).filter(t -> !t.isEmpty());
    }

    private static long number(Function<String, Optional<String>> lookup, String key, long defaultValue, long min) {
        Optional<String> value = text(lookup, key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed < min) {
                throw new IllegalArgumentException(key + " = " + parsed + " is below the minimum " + min);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + value.get() + "' is not a whole number", e);
        }
    }

    private static boolean parseBoolean(String key, String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + " = '" + text + "' must be true or false");
    }
}
