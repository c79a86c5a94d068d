package io.alertjobbridge.job;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The glue between a {@link JobCall} in the exchange variables and camel-http in the call-job-api
 * route: it puts the encoded request on the message just before the call (headers set here are the
 * only ones that leave, the route has removed all others) and reads the answer back into a variable.
 */
public final class JobHttpExchange {

    public static final String CALL_VARIABLE = "jobCall";
    public static final String ANSWER_VARIABLE = "jobAnswer";

    static final String STARTED_VARIABLE = "jobCallStartedNanos";

    private final JobRequestEncoder encoder;
    private final JobAnswerDecoder decoder;
    private final JobApiMetrics metrics;
    private final JobApiReachability reachability;

    public JobHttpExchange(JobRequestEncoder encoder, JobAnswerDecoder decoder, JobApiMetrics metrics,
                           JobApiReachability reachability) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.metrics = metrics;
        this.reachability = reachability;
    }

    public void prepare(Exchange exchange) {
        JobCall call = exchange.getVariable(CALL_VARIABLE, JobCall.class);
        EncodedJobRequest request = encoder.encode(call);
        Message m = exchange.getMessage();
        m.setHeader(Exchange.HTTP_METHOD, request.method());
        m.setHeader(Exchange.HTTP_URI, request.url());
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            m.setHeader(h.getKey(), h.getValue());
        }
        m.setBody(request.body());
        exchange.setVariable(STARTED_VARIABLE, System.nanoTime());
    }

    public void readAnswer(Exchange exchange) {
        Message m = exchange.getMessage();
        Integer status = m.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = m.getBody(String.class);
        answered(exchange, decoder.decode(status == null ? 0 : status, body));
        m.setBody(null);
    }

    public void readTransportError(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        answered(exchange, decoder.fromTransportError(error));
        exchange.getMessage().setBody(null);
    }

    private void answered(Exchange exchange, JobAnswer answer) {
        exchange.setVariable(ANSWER_VARIABLE, answer);
        reachability.record(answer);
        Long started = exchange.getVariable(STARTED_VARIABLE, Long.class);
        JobCall call = exchange.getVariable(CALL_VARIABLE, JobCall.class);
        if (started != null && call != null) {
            metrics.record(call.api(), answer.kind(), System.nanoTime() - started);
        }
    }
}
