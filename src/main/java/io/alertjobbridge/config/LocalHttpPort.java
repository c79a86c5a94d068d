package io.alertjobbridge.config;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;

/**
 * The port the embedded HTTP server is bound to. With {@code bridge.http.port=0} (tests) the
 * configured value says nothing; the server knows the real one once it has started.
 */
public final class LocalHttpPort {

    private LocalHttpPort() {
    }

    public static int of(CamelContext context) {
        Set<VertxPlatformHttpServer> servers = context.hasServices(VertxPlatformHttpServer.class);
        for (VertxPlatformHttpServer server : servers) {
            if (server.getPort() > 0) {
                return server.getPort();
            }
        }
        return Integer.parseInt(context.resolvePropertyPlaceholders("{{bridge.http.port}}"));
    }
}
