package io.alertjobbridge.store;

/** A result callback to deliver: where, and the JSON body to POST. */
public record NewCallback(String id, String url, String payload) {
}
