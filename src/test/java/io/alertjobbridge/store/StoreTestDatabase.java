package io.alertjobbridge.store;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** A fresh in-memory H2 database with the real migrations, and a clock the test moves by hand. */
final class StoreTestDatabase implements AutoCloseable {

    static final long T0 = 1_767_225_600_000L;

    final Database database = new Database("jdbc:h2:mem:t" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
    final AtomicLong clock = new AtomicLong(T0);
    final ActionStore actions = new ActionStore(database.dataSource(), clock::get);
    final DeadLetterStore deadLetters = new DeadLetterStore(database.dataSource(), clock::get);
    final InstanceStore instances = new InstanceStore(database.dataSource(), clock::get);

    /** The lease the tests' instances hold by heartbeating (bridge.cluster.lease-ms). */
    static final long LEASE_MS = 15_000;

    long now() {
        return clock.get();
    }

    /** Instances whose heartbeat is older than this are dead. */
    long liveSince() {
        return clock.get() - LEASE_MS;
    }

    void advance(long ms) {
        clock.addAndGet(ms);
    }

    @Override
    public void close() {
        database.close();
    }
}
