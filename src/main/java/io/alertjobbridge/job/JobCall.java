package io.alertjobbridge.job;

import java.util.Map;

/**
 * One call to make to Job: which API and its business parameters (scope, ids, variables). The
 * credentials are added only when the call is encoded for the wire, so a JobCall can be logged.
 */
public record JobCall(JobApi api, Map<String, Object> params) {
}
