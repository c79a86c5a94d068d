package io.alertjobbridge;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/OPERATIONS.md's configuration reference stays true: every key of application.properties is
 * listed there with the default the file gives it.
 */
class ConfigurationReferenceTest {

    @Test
    void every_configuration_key_is_documented_with_its_default() throws IOException {
        Properties defaults = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("application.properties"), StandardCharsets.UTF_8)) {
            defaults.load(r);
        }
        String doc = Files.readString(Path.of("docs", "OPERATIONS.md"));
        String reference = doc.substring(doc.indexOf("## Configuration reference"));
        for (String key : defaults.stringPropertyNames()) {
            String value = defaults.getProperty(key).trim();
            String row = "| `" + key + "` | " + (value.isEmpty() ? "(empty)" : "`" + value + "`") + " |";
            assertThat(reference).as("docs/OPERATIONS.md documents " + key + " = " + value).contains(row);
        }
    }
}
