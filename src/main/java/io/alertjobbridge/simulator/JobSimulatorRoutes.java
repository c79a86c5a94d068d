package io.alertjobbridge.simulator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.StartupListener;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the built-in Job simulator on the app's own embedded server when no Job platform is configured
 * ({@code bridge.job.base-url} blank) or when {@code bridge.simulator.enabled=true}; adds nothing otherwise.
 * Both front doors and the {@code /simulator/} hooks are thin routes: read the request, let the Camel-free
 * {@link SimulatorFrontDoor} or {@link SimulatorHooks} decide, drop every inbound header, write the reply.
 * A call that meets an {@code answer_delay_ms} fault never reaches its door route: {@link SimulatorDelayedAnswers}
 * sits in front of each door on the main platform-http router and holds that answer on a timer, because a route
 * would hold a Vert.x worker thread for the whole delay. It is installed once the context (and so the HTTP server)
 * has started, in front of the door routes whatever their registration order.
 * The simulator itself is bound in the registry as {@value #REGISTRY_NAME} for tests that want to look inside.
 */
public class JobSimulatorRoutes extends RouteBuilder {

    static final String ESB_PATH = "/api/c/compapi/v2/jobv3/";
    static final String GATEWAY_PATH = "/api/bk-job/prod/api/v3/";
    static final String REGISTRY_NAME = "jobSimulator";

    /** Each door's path up to the API name. */
    private static final Map<Door, String> DOORS = Map.of(
            Door.ESB, ESB_PATH, Door.GATEWAY, GATEWAY_PATH, Door.GATEWAY_SYSTEM, GATEWAY_PATH + "system/");
    private static final Logger LOG = LoggerFactory.getLogger(JobSimulatorRoutes.class);
    private static final String REPLY = "simulatorReply";

    @Override
    public void configure() throws Exception {
        PropertiesComponent properties = getContext().getPropertiesComponent();
        Set<String> simulatorKeys = properties.loadPropertiesAsMap(k -> k.startsWith(SimulatorSettings.PREFIX)).keySet();
        SimulatorSettings settings = SimulatorSettings.from(properties::resolveProperty, simulatorKeys);
        if (!settings.enabled()) {
            return;
        }
        LOG.warn("Built-in Job simulator is standing in for the Job platform ({}): ESB at {}, gateway at {}",
                settings.explicitlyEnabled() ? "bridge.simulator.enabled=true" : "bridge.job.base-url is empty",
                ESB_PATH, GATEWAY_PATH);

        LongSupplier clock = System::currentTimeMillis;
        JobSimulator simulator = new JobSimulator(settings, clock);
        SimulatorCallLog calls = new SimulatorCallLog();
        SimulatorFaults faults = new SimulatorFaults();
        SimulatorFrontDoor frontDoor = new SimulatorFrontDoor(simulator,
                new SimulatorCredentials(settings.appCode(), settings.appSecret()), calls, faults, clock);
        SimulatorHooks hooks = new SimulatorHooks(simulator, calls, faults);
        SimulatorDelayedAnswers delayedAnswers = new SimulatorDelayedAnswers(frontDoor);
        bindToRegistry(REGISTRY_NAME, simulator);
        getContext().addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                if (alreadyStarted) {
                    install(context, delayedAnswers); // routes added to a running context: its server is up
                }
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                install(context, delayedAnswers); // the HTTP server may start after the plain "started" callback
            }
        });

        // A failure the handlers did not turn into an answer: say so with the stack, and still echo nothing inbound.
        onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.WARN, LOG, "Job simulator route ${routeId} failed; answering 500: ${exception.stacktrace}")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(500))
                .setHeader(Exchange.CONTENT_TYPE, constant(SimulatorReply.TEXT))
                .setBody(constant("Internal Server Error"));

        serve("simulator-esb", "Job API through the legacy ESB (simulated)", DOORS.get(Door.ESB) + "{api}",
                e -> frontDoor.handle(call(e, Door.ESB)));
        serve("simulator-gateway", "Job API through the API gateway (simulated)", DOORS.get(Door.GATEWAY) + "{api}",
                e -> frontDoor.handle(call(e, Door.GATEWAY)));
        serve("simulator-gateway-system", "Job API app-type gateway resources (simulated)", DOORS.get(Door.GATEWAY_SYSTEM) + "{api}",
                e -> frontDoor.handle(call(e, Door.GATEWAY_SYSTEM)));
        serve("simulator-calls", "What the simulator received", "/simulator/calls?httpMethodRestrict=GET",
                e -> hooks.calls());
        serve("simulator-faults", "List, inject and clear simulator faults", "/simulator/faults?httpMethodRestrict=GET,POST,DELETE",
                e -> hooks.faults(e.getMessage().getHeader(Exchange.HTTP_METHOD, String.class), e.getMessage().getBody(String.class)));
        serve("simulator-reset", "Forget instances, counters and faults", "/simulator/reset?httpMethodRestrict=POST",
                e -> hooks.reset());
    }

    private void serve(String routeId, String description, String path, Function<Exchange, SimulatorReply> handler) {
        from("platform-http:" + path)
                .routeId(routeId)
                .routeDescription(description)
                .process(e -> e.setVariable(REPLY, handler.apply(e)))
                // Nothing inbound may leave with the reply: request headers and query parameters are headers here.
                .removeHeaders("*")
                .process(JobSimulatorRoutes::writeReply);
    }

    private static void install(CamelContext context, SimulatorDelayedAnswers delayedAnswers) {
        VertxPlatformHttpRouter router = mainRouter(context);
        DOORS.forEach((door, prefix) -> delayedAnswers.install(router, router.vertx(), door, prefix + ":api"));
    }

    /**
     * The router the door routes register on: the platform-http server's, leaving out a management server's. A
     * server built by hand may have no type at all, so "not management" rather than "main".
     */
    private static VertxPlatformHttpRouter mainRouter(CamelContext context) {
        List<VertxPlatformHttpRouter> routers = context.getRegistry().findByType(VertxPlatformHttpRouter.class).stream()
                .filter(router -> !router.isManagementServer())
                .toList();
        if (routers.size() != 1) {
            throw new IllegalStateException("The Job simulator needs exactly one platform-http router (management aside) "
                    + "for delayed answers and found " + routers.size() + ": " + routers.stream().map(VertxPlatformHttpRouter::getName).toList());
        }
        return routers.get(0);
    }

    private static HttpCall call(Exchange exchange, Door door) {
        Message in = exchange.getMessage();
        String path = in.getHeader(Exchange.HTTP_PATH, String.class);
        return new HttpCall(door, lastSegment(path), in.getHeader(Exchange.HTTP_METHOD, String.class),
                in.getHeader(Exchange.HTTP_RAW_QUERY, String.class), in.getBody(String.class),
                in.getHeader("X-Bkapi-Authorization", String.class), in.getHeader("X-Bk-Username", String.class));
    }

    /** The API name from the path itself: a query parameter named "api" would shadow the path header. */
    static String lastSegment(String path) {
        if (path == null) {
            return "";
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static void writeReply(Exchange exchange) {
        SimulatorReply reply = exchange.getVariable(REPLY, SimulatorReply.class);
        Message out = exchange.getMessage();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
        out.setHeader(Exchange.CONTENT_TYPE, reply.contentType());
        reply.headers().forEach(out::setHeader);
        out.setBody(reply.body());
    }
}
