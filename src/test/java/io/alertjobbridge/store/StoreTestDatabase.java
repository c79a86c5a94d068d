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

    long now() {
        return clock.get();
    }

    void advance(long ms) {
        clock.addAndGet(ms);
    }

    @Override
    public void close() {
        database.close();
    }
}
