package io.alertjobbridge.ui;

import java.util.Optional;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import io.alertjobbridge.store.Database;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * Binds the beans of the status page (routes/ui.camel.yaml). The beans they read, the database and
 * the meter registry, are bound by other configurations in an order that is not guaranteed, so they
 * are looked up on each request, never here.
 */
public final class UiBeans implements CamelConfiguration {

    private static final LongSupplier CLOCK = System::currentTimeMillis;

    @Override
    public void configure(CamelContext context) {
        Registry registry = context.getRegistry();
        registry.bind("uiAssets", new UiAssets(UiBeans.class.getClassLoader(), "ui"));
        registry.bind("uiAssetReplies", new UiAssetReplies());
        registry.bind("actionStats", new ActionStats(() -> dataSource(registry), CLOCK));
        registry.bind("jobApiLatency", new JobApiLatency(() -> meterRegistry(registry), CLOCK));
    }

    private static DataSource dataSource(Registry registry) {
        Database database = registry.lookupByNameAndType("database", Database.class);
        if (database == null) {
            throw new IllegalStateException("no bean 'database' in the registry: the action store is not wired");
        }
        return database.dataSource();
    }

    private static Optional<MeterRegistry> meterRegistry(Registry registry) {
        return registry.findByType(MeterRegistry.class).stream().findFirst();
    }
}
