package io.alertjobbridge.config;

import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.alertjobbridge.action.ActionCatalog;
import io.alertjobbridge.action.ActionConfig;
import io.alertjobbridge.action.ActionConfigLoader;
import io.alertjobbridge.api.ActionQueries;
import io.alertjobbridge.api.ApiReplies;
import io.alertjobbridge.api.DeadLetterQueries;
import io.alertjobbridge.intake.AlertEndpoint;
import io.alertjobbridge.intake.AlertIntake;
import io.alertjobbridge.intake.AlertValidator;
import io.alertjobbridge.job.JobAnswerDecoder;
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
import io.alertjobbridge.store.Database;
import io.alertjobbridge.store.DeadLetterStore;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the beans the YAML routes call, by the names they use. Values come from
 * application.properties (overridable by environment variables and -D), read with the same keys
 * the routes use.
 */
public final class BridgeBeans implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeBeans.class);
    private static final LongSupplier CLOCK = System::currentTimeMillis;

    @BindToRegistry
    public ObjectMapper objectMapper() {
        return JsonMapper.builder().findAndAddModules().build();
    }

    @BindToRegistry(destroyMethod = "close")
    public Database database(@PropertyInject("bridge.datasource.url") String url,
                             @PropertyInject("bridge.datasource.username") String username,
                             @PropertyInject(value = "bridge.datasource.password", defaultValue = "") String password,
                             @PropertyInject("bridge.datasource.max-pool-size") int maxPoolSize) {
        return new Database(url, username, password, maxPoolSize);
    }

    @BindToRegistry
    public ActionStore actionStore(Database database) {
        return new ActionStore(database.dataSource(), CLOCK);
    }

    @BindToRegistry
    public DeadLetterStore deadLetterStore(Database database) {
        return new DeadLetterStore(database.dataSource(), CLOCK);
    }

    @BindToRegistry
    public VariableMapper variableMapper() {
        return new VariableMapper(MappingLimits.defaults());
    }

    @BindToRegistry
    public ActionCatalog actionCatalog(VariableMapper variableMapper,
                                       @PropertyInject("bridge.actions.dir") String actionsDir) {
        ActionCatalog catalog = new ActionCatalog(new ActionConfigLoader(variableMapper).loadAll(Path.of(actionsDir)));
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

    @BindToRegistry
    public ApiReplies apiReplies(ObjectMapper objectMapper) {
        return new ApiReplies(objectMapper);
    }

    @BindToRegistry
    public AlertEndpoint alertEndpoint(ActionCatalog actionCatalog, ActionStore actionStore, ApiReplies apiReplies) {
        return new AlertEndpoint(new AlertIntake(new AlertValidator(), actionCatalog, actionStore), apiReplies);
    }

    @BindToRegistry
    public ActionQueries actionQueries(ActionStore actionStore, ObjectMapper objectMapper) {
        return new ActionQueries(actionStore, objectMapper);
    }

    @BindToRegistry
    public DeadLetterQueries deadLetterQueries(DeadLetterStore deadLetterStore) {
        return new DeadLetterQueries(deadLetterStore);
    }

    @BindToRegistry
    public DeadLetters deadLetters(DeadLetterStore deadLetterStore) {
        return new DeadLetters(deadLetterStore);
    }

    @BindToRegistry
    public LifecycleSettings lifecycleSettings(
            @PropertyInject("bridge.job.poll-interval-ms") long pollIntervalMs,
            @PropertyInject("bridge.job.max-log-bytes") int maxLogBytes,
            @PropertyInject("bridge.job.two-phase-launch") boolean twoPhaseLaunch,
            @PropertyInject("bridge.job.max-retries") int maxRetries,
            @PropertyInject("bridge.job.retry-initial-delay-ms") long retryInitialDelayMs,
            @PropertyInject("bridge.job.retry-max-delay-ms") long retryMaxDelayMs,
            @PropertyInject("bridge.job.site-url") String siteUrl) {
        return new LifecycleSettings(pollIntervalMs, maxLogBytes, twoPhaseLaunch, maxRetries, retryInitialDelayMs,
                retryMaxDelayMs, siteUrl);
    }

    @BindToRegistry
    public ActionLifecycle actionLifecycle(ActionStore actionStore, ActionCatalog actionCatalog,
                                           VariableMapper variableMapper, LifecycleSettings lifecycleSettings,
                                           ObjectMapper objectMapper) {
        return new ActionLifecycle(actionStore, actionCatalog, variableMapper, lifecycleSettings, objectMapper, CLOCK);
    }

    @BindToRegistry
    public ActionDispatcher actionDispatcher(ActionStore actionStore,
                                             @PropertyInject("bridge.lifecycle.dispatch-batch") int batch,
                                             @PropertyInject("bridge.lifecycle.claim-ms") long claimMs) {
        return new ActionDispatcher(actionStore, batch, claimMs, CLOCK);
    }

    @BindToRegistry
    public JobHttpExchange jobHttp(CamelContext context, ObjectMapper objectMapper,
                                   @PropertyInject("bridge.job.mode") String mode,
                                   @PropertyInject(value = "bridge.job.base-url", defaultValue = "") String baseUrl,
                                   @PropertyInject("bridge.job.app-code") String appCode,
                                   @PropertyInject(value = "bridge.job.app-secret", defaultValue = "") String appSecret,
                                   @PropertyInject("bridge.job.username") String username) {
        JobMode jobMode = JobMode.parse(mode);
        Supplier<String> base = baseUrl.isBlank() ? simulatorBase(context, jobMode) : () -> baseUrl;
        JobRequestEncoder encoder = new JobRequestEncoder(jobMode, base, new JobCredentials(appCode, appSecret, username),
                objectMapper);
        return new JobHttpExchange(encoder, new JobAnswerDecoder(objectMapper));
    }

    /** With no Job configured, calls go to the built-in simulator on this process's own HTTP port. */
    private static Supplier<String> simulatorBase(CamelContext context, JobMode mode) {
        String doorPath = mode == JobMode.APIGW ? "/api/bk-job/prod" : "";
        return () -> "http://127.0.0.1:" + LocalHttpPort.of(context) + doorPath;
    }
}
