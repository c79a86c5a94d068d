package io.alertjobbridge.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.alertjobbridge.action.ActionCatalog;
import io.alertjobbridge.action.Convergence;
import io.alertjobbridge.action.ActionConfig;
import io.alertjobbridge.action.ActionConfigLoader;
import io.alertjobbridge.api.ActionQueries;
import io.alertjobbridge.api.ApiReplies;
import io.alertjobbridge.api.DeadLetterQueries;
import io.alertjobbridge.action.ActionVariables;
import io.alertjobbridge.api.ActionPreview;
import io.alertjobbridge.intake.AlertEndpoint;
import io.alertjobbridge.intake.AlertIntake;
import io.alertjobbridge.intake.BoundedJson;
import io.alertjobbridge.intake.IntakeLimits;
import io.alertjobbridge.security.EndpointAuth;
import io.alertjobbridge.security.EndpointAuthSettings;
import io.alertjobbridge.security.InboundGuard;
import io.alertjobbridge.security.InboundSecurity;
import io.alertjobbridge.sources.AlertSources;
import io.alertjobbridge.sources.AlertmanagerSource;
import io.alertjobbridge.sources.BkMonitorSource;
import io.alertjobbridge.sources.CustomSource;
import io.alertjobbridge.sources.GrafanaSource;
import io.alertjobbridge.job.CallBudget;
import io.alertjobbridge.job.CallBudgetProcessor;
import io.alertjobbridge.job.JobAnswerDecoder;
import io.alertjobbridge.job.JobApiReachability;
import io.alertjobbridge.observe.BridgeHealthChecks;
import io.alertjobbridge.observe.BridgeMetrics;
import org.apache.camel.health.HealthCheckRegistry;
import io.alertjobbridge.job.JobApiMetrics;
import io.alertjobbridge.job.JobCredentials;
import io.alertjobbridge.job.JobHttpExchange;
import io.alertjobbridge.job.JobMode;
import io.alertjobbridge.job.JobRequestEncoder;
import io.alertjobbridge.lifecycle.ActionDispatcher;
import io.alertjobbridge.lifecycle.ActionLifecycle;
import io.alertjobbridge.lifecycle.DeadLetters;
import io.alertjobbridge.lifecycle.LifecycleSettings;
import io.alertjobbridge.mapping.MappingLimits;
import io.alertjobbridge.mapping.VariableMapper;
import io.alertjobbridge.store.ActionStore;
import io.alertjobbridge.store.AlertGroupCommit;
import io.alertjobbridge.store.Database;
import io.alertjobbridge.store.DeadLetterStore;
import io.alertjobbridge.store.InstanceStore;
import io.alertjobbridge.store.CallbackStore;
import io.alertjobbridge.callback.CallbackTargets;
import io.alertjobbridge.callback.ResultCallbacks;
import io.alertjobbridge.store.Retention;
import io.alertjobbridge.cluster.ClusterMembership;
import io.alertjobbridge.cluster.ClusterQueries;
import io.alertjobbridge.intake.IntakeGate;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the beans the YAML routes call and binds them under the names the routes use. Wired by
 * hand, in dependency order, once: values come from application.properties (overridable by
 * environment variables and -D) through the same keys the routes use.
 */
public final class BridgeBeans implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeBeans.class);
    private static final LongSupplier CLOCK = System::currentTimeMillis;
    /**
     * At most this many alerts per intake commit: more than the HTTP workers can have waiting at once,
     * so in practice a batch is whatever arrived during the commit before; the bound keeps one
     * transaction (and its savepoints) small on a server database.
     */
    private static final int INTAKE_MAX_BATCH = 128;
    /**
     * How long an intake request waits for its alert's commit before it is answered 503: a database
     * that hangs must not hold every HTTP worker for good (senders give up after ~10 s anyway).
     */
    private static final Duration INTAKE_MAX_WAIT = Duration.ofSeconds(15);

    @Override
    public void configure(CamelContext context) {
        Settings p = new Settings(context);
        Registry registry = context.getRegistry();
        ObjectMapper json = JsonMapper.builder().findAndAddModules().build();

        // The database (pool and migration) opens on another thread while the actions load and their
        // templates compile: the two are independent, and together they were half of the start.
        String dbUrl = p.string("bridge.datasource.url");
        String dbUser = p.string("bridge.datasource.username");
        String dbPassword = p.optional("bridge.datasource.password");
        int dbPoolSize = p.integer("bridge.datasource.max-pool-size");
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(
                () -> new Database(dbUrl, dbUser, dbPassword, dbPoolSize));
        VariableMapper mapper = new VariableMapper(MappingLimits.defaults());
        ActionCatalog catalog = loadActions(mapper, p.string("bridge.actions.dir"));
        Database database = opened(opening);
        try {
            // Closed with the context, after the routes have stopped using it.
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    database.close();
                }
            }, true, true);
        } catch (Exception e) {
            database.close();
            throw new IllegalStateException("could not register the database for shutdown", e);
        }
        ActionStore actionStore = new ActionStore(database.dataSource(), CLOCK);
        DeadLetterStore deadLetterStore = new DeadLetterStore(database.dataSource(), CLOCK);

        BridgeMetrics metrics = new BridgeMetrics(context);
        metrics.inFlightFrom(actionStore::countInFlight);
        registry.bind("bridgeMetrics", metrics);
        ApiReplies replies = new ApiReplies(json, metrics);
        LifecycleSettings lifecycle = new LifecycleSettings(p.longValue("bridge.job.poll-interval-ms"),
                p.integer("bridge.job.max-log-bytes"), p.bool("bridge.job.two-phase-launch"),
                p.integer("bridge.job.max-retries"), p.longValue("bridge.job.retry-initial-delay-ms"),
                p.longValue("bridge.job.retry-max-delay-ms"), p.string("bridge.job.site-url"),
                p.string("bridge.job.username"), p.longValue("bridge.job.launch-answer-wait-ms"));

        JobMode mode = JobMode.parse(p.string("bridge.job.mode"));
        String baseUrl = p.optional("bridge.job.base-url");
        Supplier<String> base = baseUrl.isBlank() ? simulatorBase(context, mode) : () -> baseUrl;
        JobRequestEncoder encoder = new JobRequestEncoder(mode, base, new JobCredentials(p.string("bridge.job.app-code"),
                p.optional("bridge.job.app-secret"), p.string("bridge.job.username")), json);
        int callsPerSecond = p.integer("bridge.job.max-calls-per-second");
        CallBudget budget = CallBudget.onCamel(context, this, callsPerSecond, 1000);

        InstanceStore instanceStore = new InstanceStore(database.dataSource(), CLOCK);
        ClusterMembership cluster = new ClusterMembership(instanceId(p), hostName(), p.longValue("bridge.cluster.lease-ms"),
                callsPerSecond, instanceStore, actionStore, budget::resize, CLOCK);
        cluster.join();
        IntakeGate gate = new IntakeGate();
        stopInOrder(context, gate, cluster);

        registry.bind("database", database);
        registry.bind("actionStore", actionStore);
        registry.bind("actionCatalog", catalog);
        registry.bind("apiReplies", replies);
        registry.bind("actionQueries", new ActionQueries(actionStore, new CallbackStore(database.dataSource(), CLOCK), json));
        registry.bind("deadLetterQueries", new DeadLetterQueries(deadLetterStore, cluster, metrics));
        CallbackStore callbackStore = new CallbackStore(database.dataSource(), CLOCK);
        CallbackTargets callbackTargets = new CallbackTargets(p.list("bridge.callbacks.urls"),
                Set.copyOf(p.list("bridge.callbacks.allowed-hosts")));
        for (ActionConfig a : catalog.all()) {
            a.callbackUrls().forEach(url -> callbackTargets.check(a.sourceFile() + ": callbacks", url));
        }
        ResultCallbacks resultCallbacks = new ResultCallbacks(callbackTargets,
                actionName -> catalog.byName(actionName).map(ActionConfig::callbackUrls).orElse(List.of()), callbackStore,
                actionStore, deadLetterStore, json, CLOCK, p.integer("bridge.callbacks.max-attempts"),
                p.longValue("bridge.callbacks.retry-initial-delay-ms"), p.longValue("bridge.callbacks.retry-max-delay-ms"),
                2 * p.longValue("bridge.callbacks.timeout-ms") + 10_000);
        registry.bind("resultCallbacks", resultCallbacks);
        registry.bind("deadLetters", new DeadLetters(deadLetterStore, cluster.instanceId(), metrics, resultCallbacks));
        registry.bind("actionLifecycle", new ActionLifecycle(actionStore, catalog, mapper, lifecycle, json, CLOCK,
                cluster.instanceId(), metrics, resultCallbacks,
                actionName -> catalog.byName(actionName).map(ActionConfig::convergence).orElse(Convergence.NONE)));
        registry.bind("actionDispatcher", new ActionDispatcher(actionStore, cluster,
                p.integer("bridge.lifecycle.dispatch-batch")));
        JobApiReachability reachability = new JobApiReachability(CLOCK);
        registry.bind("jobHttp", new JobHttpExchange(encoder, new JobAnswerDecoder(json), new JobApiMetrics(context),
                reachability));
        registry.bind("jobApiBudget", new CallBudgetProcessor(budget, metrics::budgetWait));
        registerHealthChecks(context, database, reachability, metrics);
        registry.bind("cluster", cluster);
        registry.bind("clusterQueries", new ClusterQueries(cluster, instanceStore, actionStore, CLOCK));
        registry.bind("retention", new Retention(database.dataSource(), CLOCK, p.integer("bridge.retention.days"),
                p.integer("bridge.retention.batch")));
        bindIntake(context, p, registry, json, catalog, actionStore, cluster.instanceId(), mapper, replies, gate, metrics);
        LOG.info("Job platform: {} mode at {}", mode.name().toLowerCase(),
                baseUrl.isBlank() ? "the built-in simulator on this bridge's own port" : baseUrl);
    }

    // ---- Intake: the alert sources, the inbound security, the input bounds and the preview --------

    /** Endpoints that exist whatever routes/ holds; custom sources add theirs by name. */
    private static final List<String> BUILT_IN_ENDPOINTS = List.of(BkMonitorSource.NAME, AlertmanagerSource.NAME,
            GrafanaSource.NAME, "preview");

    /**
     * Binds inboundGuard (credentials per endpoint), alertEndpoint (bounded JSON, the sources, storing)
     * and actionPreview. Every endpoint's credential settings are checked here, so a setting that cannot
     * work stops the start naming its key.
     */
    private static void bindIntake(CamelContext context, Settings p, Registry registry, ObjectMapper json,
                                   ActionCatalog catalog, ActionStore actionStore, String instanceId, VariableMapper mapper,
                                   ApiReplies replies, IntakeGate gate, BridgeMetrics metrics) {
        BoundedJson boundedJson = new BoundedJson(new IntakeLimits(p.integer("bridge.intake.max-depth"),
                p.integer("bridge.intake.max-string-chars"), p.integer("bridge.intake.max-array-items")));
        Clock clock = Clock.systemUTC();
        InboundSecurity security = new InboundSecurity(new EndpointAuthSettings(key -> p.optional(key), clock));
        security.validate(BUILT_IN_ENDPOINTS, context.getPropertiesComponent().loadProperties().stringPropertyNames());
        for (EndpointAuth endpoint : security.endpoints().values()) {
            if (endpoint.isOpen()) {
                LOG.warn("Inbound endpoint {} takes requests without credentials (bridge.intake.{}.auth = none)",
                        endpoint.endpoint(), endpoint.endpoint());
            }
        }
        BkMonitorSource bkMonitor = BkMonitorSource.bkMonitor(json);
        AlertmanagerSource alertmanager = new AlertmanagerSource(json);
        GrafanaSource grafana = new GrafanaSource(json);
        registry.bind("inboundGuard", new InboundGuard(security, clock));
        registry.bind("alertEndpoint", new AlertEndpoint(boundedJson, new AlertIntake(catalog, new AlertGroupCommit(actionStore, INTAKE_MAX_BATCH, INTAKE_MAX_WAIT), instanceId, metrics::alertReceived), replies,
                gate, new AlertEndpoint.Sources(bkMonitor, alertmanager, grafana, new CustomSource(json))));
        registry.bind("actionPreview", new ActionPreview(new AlertSources(List.of(bkMonitor, BkMonitorSource.model(json),
                alertmanager, grafana)), catalog, new ActionVariables(mapper), replies));
    }

    /**
     * A graceful stop, in order: intake closes first (503 to new alerts) when stopping begins; the
     * routes then finish their in-flight steps within camel.main.shutdown-timeout; then this instance
     * hands its leases back so the others take its actions at once; the database closes last.
     */
    private static void stopInOrder(CamelContext context, IntakeGate gate, ClusterMembership cluster) {
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext stopping) {
                gate.close();
            }
        });
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    cluster.leave();
                }
            }, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("could not register the cluster lease release for shutdown", e);
        }
    }

    /** The database and Job API checks join Camel's own once the health registry exists (at start). */
    private static void registerHealthChecks(CamelContext context, Database database, JobApiReachability reachability,
                                             BridgeMetrics metrics) {
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStarted(CamelContext started) {
                HealthCheckRegistry health = HealthCheckRegistry.get(started);
                if (health != null) {
                    health.register(BridgeHealthChecks.database(database));
                    health.register(BridgeHealthChecks.jobApi(reachability));
                }
                metrics.bindGauges();
            }
        });
    }

    /** The database opened on another thread, or its own failure (not the future's wrapper) when it could not. */
    private static Database opened(CompletableFuture<Database> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** bridge.instance.id, else host name and HTTP port (stable across restarts, so a restart resumes its own leases). */
    private static String instanceId(Settings p) {
        String configured = p.optional("bridge.instance.id");
        if (!configured.isBlank()) {
            return configured;
        }
        String port = p.optional("bridge.http.port");
        return hostName() + ":" + (port.equals("0") ? UUID.randomUUID().toString().substring(0, 8) : port);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    private static ActionCatalog loadActions(VariableMapper mapper, String actionsDir) {
        ActionCatalog catalog = new ActionCatalog(new ActionConfigLoader(mapper).loadAll(Path.of(actionsDir)));
        for (ActionConfig a : catalog.all()) {
            if (a.templateError() != null) {
                LOG.warn("Action {} ({}): its template_detail does not compile, every alert it matches will fail: {}",
                        a.name(), a.sourceFile(), a.templateError());
            }
        }
        LOG.info("Loaded {} action(s) from {}: {}", catalog.all().size(), Path.of(actionsDir).toAbsolutePath(),
                catalog.all().stream().map(ActionConfig::name).toList());
        return catalog;
    }

    /** With no Job configured, calls go to the built-in simulator on this process's own HTTP port. */
    private static Supplier<String> simulatorBase(CamelContext context, JobMode mode) {
        String doorPath = mode == JobMode.APIGW ? "/api/bk-job/prod" : "";
        return () -> "http://127.0.0.1:" + LocalHttpPort.of(context) + doorPath;
    }

    /** Typed reads of the bridge.* properties, naming the key when a value is missing or malformed. */
    private static final class Settings {
        private final CamelContext context;

        Settings(CamelContext context) {
            this.context = context;
        }

        String string(String key) {
            String v = context.getPropertiesComponent().resolveProperty(key)
                    .orElseThrow(() -> new IllegalArgumentException("configuration key " + key + " is not set"));
            return context.resolvePropertyPlaceholders(v).trim();
        }

        /** A comma-separated list; empty entries are dropped. */
        List<String> list(String key) {
            return Arrays.stream(optional(key).split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        }

        String optional(String key) {
            return context.getPropertiesComponent().resolveProperty(key)
                    .map(v -> context.resolvePropertyPlaceholders(v).trim()).orElse("");
        }

        int integer(String key) {
            try {
                return Integer.parseInt(string(key));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("configuration key " + key + " must be an integer", e);
            }
        }

        long longValue(String key) {
            try {
                return Long.parseLong(string(key));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("configuration key " + key + " must be an integer", e);
            }
        }

        boolean bool(String key) {
            String v = string(key);
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException("configuration key " + key + " must be true or false, got " + v);
            }
            return Boolean.parseBoolean(v);
        }
    }
}
