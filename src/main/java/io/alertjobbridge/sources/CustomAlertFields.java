package io.alertjobbridge.sources;

/**
 * What a custom source's route took out of a request with its expressions, one value per field of the
 * alert model, each as the expression gave it (text, a number, a map, a list, or null for nothing).
 * Only {@code id} is required.
 */
public record CustomAlertFields(Object id, Object alertName, Object ip, Object ipv6, Object cloudId, Object hostId,
                                Object bizId, Object strategyId, Object severity, Object status, Object labels,
                                Object annotations) {
}
