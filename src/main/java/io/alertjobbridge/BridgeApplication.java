package io.alertjobbridge;

import org.apache.camel.main.Main;

/**
 * Boots the bridge and does nothing else. Passing the class to {@link Main} turns on package scanning
 * for route builders and {@code @BindToRegistry} configuration classes below this package.
 */
public final class BridgeApplication {

    /**
     * The configuration is the {@code application.properties} in the working directory, so operators
     * edit it beside the jar; {@code -Dbridge.config=...} points elsewhere.
     */
    static final String CONFIG_LOCATION_PROPERTY = "bridge.config";

    private BridgeApplication() {
    }

    public static void main(String[] args) throws Exception {
        LogFormat.apply(configFile());
        Main main = new Main(BridgeApplication.class);
        main.setDefaultPropertyPlaceholderLocation(configLocation());
        main.run(args);
    }

    static String configLocation() {
        return "file:" + configFile();
    }

    static String configFile() {
        return System.getProperty(CONFIG_LOCATION_PROPERTY, "application.properties");
    }
}
