package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** An HTTP answer, independent of the server that sends it: status, content type, body and extra headers. */
record SimulatorReply(int status, String contentType, String body, Map<String, String> headers) {

    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";

    static SimulatorReply json(int status, JsonNode body) {
        return new SimulatorReply(status, JSON, SimulatorJson.write(body), Map.of());
    }

    static SimulatorReply json(int status, JsonNode body, Map<String, String> headers) {
        return new SimulatorReply(status, JSON, SimulatorJson.write(body), Map.copyOf(headers));
    }

    SimulatorReply withHeader(String name, String value) {
        Map<String, String> merged = new HashMap<>(headers);
        merged.put(name, value);
        return new SimulatorReply(status, contentType, body, Map.copyOf(merged));
    }

    static SimulatorReply text(int status, String body) {
        return new SimulatorReply(status, TEXT, body, Map.of());
    }
}
