package io.alertjobbridge.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the calls that meet an {@code answer_delay_ms} fault: acts at once, then sends the normal answer from a
 * Vert.x timer, so the wait holds no thread. A Camel route cannot hold an answer that cheaply here: the
 * platform-http consumer runs each route synchronously on a Vert.x worker thread and writes the answer when the
 * route returns, so a {@code delay} step, even {@code asyncDelayed}, would park that worker for the whole wait.
 * <p>
 * Installed on the same router and paths as the door routes, ordered in front of them. The fault is claimed from
 * the request line alone; a call with no answer-delay fault next in line goes on to its route untouched, its body
 * still unread for the route's own body handler. Only a claimed call's body is read here.
 */
final class SimulatorDelayedAnswers {

    /** Vert.x numbers routes from 0 as they are added; below that, these come first whenever they are installed. */
    static final int IN_FRONT_OF_ROUTES = -1;

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorDelayedAnswers.class);

    private final SimulatorFrontDoor frontDoor;

    SimulatorDelayedAnswers(SimulatorFrontDoor frontDoor) {
        this.frontDoor = frontDoor;
    }

    /** Puts this door's handler on {@code path} (Vert.x syntax, {@code :api} for the API name), ahead of the route. */
    void install(Router router, Vertx vertx, Door door, String path) {
        router.route(path).order(IN_FRONT_OF_ROUTES).handler(ctx -> serve(ctx, vertx, door));
    }

    private void serve(RoutingContext ctx, Vertx vertx, Door door) {
        HttpServerRequest request = ctx.request();
        String api = JobSimulatorRoutes.lastSegment(request.path());
        String method = request.method().name();
        SimulatorFaults.Fault delay = frontDoor.claimAnswerDelay(door, api, method);
        if (delay == null) {
            ctx.next();
            return;
        }
        Future<Buffer> body = request.body();
        request.resume(); // the router pauses every request until a body handler takes it
        body.onFailure(e -> LOG.warn("Job simulator could not read the body of {} {}, so it neither acts nor answers; "
                + "the answer_delay_ms fault is used up all the same", method, api, e));
        body.onSuccess(received -> act(ctx, vertx, delay, new HttpCall(door, api, method, request.query(),
                received.toString(StandardCharsets.UTF_8), request.getHeader("X-Bkapi-Authorization"), request.getHeader("X-Bk-Username"))));
    }

    private void act(RoutingContext ctx, Vertx vertx, SimulatorFaults.Fault delay, HttpCall call) {
        String method = call.method();
        String api = call.api();
        // Acting is brief but may scan every instance (get_job_instance_list): a worker for that, a timer for the wait.
        vertx.executeBlocking(() -> frontDoor.handleClaimed(call, delay), false).onComplete(acted -> {
            if (acted.failed()) {
                LOG.warn("Job simulator failed on {} {} before a delayed answer; answering 500", method, api, acted.cause());
                send(ctx, SimulatorReply.text(500, "Internal Server Error"));
                return;
            }
            LOG.info("Job simulator acted on {} {} and holds the answer for {} ms (answer_delay_ms fault)",
                    method, api, delay.answerDelayMs());
            vertx.setTimer(delay.answerDelayMs(), timer -> send(ctx, acted.result()));
        });
    }

    /** Writes the reply's status, content type, headers and body; nothing inbound goes out. */
    private static void send(RoutingContext ctx, SimulatorReply reply) {
        HttpServerResponse response = ctx.response();
        if (response.closed() || response.ended()) {
            LOG.info("Job simulator dropped a held answer to {}: the client has gone", ctx.request().path());
            return;
        }
        response.setStatusCode(reply.status()).putHeader(HttpHeaders.CONTENT_TYPE, reply.contentType());
        reply.headers().forEach(response::putHeader);
        response.end(reply.body());
    }
}
