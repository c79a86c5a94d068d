package io.alertjobbridge;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Chooses the log layout from bridge.log.format (plain or json) before the first logger exists:
 * logging starts before Camel reads its properties, so the key is looked up here in the same order
 * Camel uses (-D, then the environment variable, then application.properties).
 */
final class LogFormat {

    static final String KEY = "bridge.log.format";
    static final String JSON_CONFIG = "log4j2-json.properties";

    private LogFormat() {
    }

    static void apply(String configFile) {
        String format = resolve(configFile);
        if (format.equals("json")) {
            System.setProperty("log4j2.configurationFile", JSON_CONFIG);
        } else if (!format.equals("plain")) {
            throw new IllegalArgumentException(KEY + " must be plain or json, got '" + format + "'");
        }
    }

    static String resolve(String configFile) {
        String v = System.getProperty(KEY);
        if (v == null) {
            v = System.getenv("BRIDGE_LOG_FORMAT");
        }
        if (v == null) {
            Properties file = new Properties();
            Path path = Path.of(configFile);
            if (Files.isRegularFile(path)) {
                try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    file.load(r);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + path.toAbsolutePath(), e);
                }
            }
            v = file.getProperty(KEY, "plain");
        }
        return v.trim().toLowerCase(Locale.ROOT);
    }
}
