package io.alertjobbridge.job;

/**
 * The app and account the bridge calls Job as. {@link #toString()} never shows the secret, so a
 * credentials object that ends up in a log line or an exception message leaks nothing.
 */
public record JobCredentials(String appCode, String appSecret, String username) {

    @Override
    public String toString() {
        return "JobCredentials[appCode=" + appCode + ", appSecret=******, username=" + username + "]";
    }
}
