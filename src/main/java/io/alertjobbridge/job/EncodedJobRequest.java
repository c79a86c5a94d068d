package io.alertjobbridge.job;

import java.util.Map;

/**
 * A Job call as it goes on the wire. It carries the credentials, so it lives only for the call:
 * it is never stored, logged or put in an exception message ({@link #toString()} shows no body or headers).
 */
public record EncodedJobRequest(JobApi api, String method, String url, Map<String, String> headers, String body) {

    @Override
    public String toString() {
        return "EncodedJobRequest[" + method + " " + api.path() + "]";
    }
}
