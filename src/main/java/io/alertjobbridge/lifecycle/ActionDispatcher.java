package io.alertjobbridge.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.alertjobbridge.cluster.ClusterMembership;
import io.alertjobbridge.store.ActionStore;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Finds the actions whose next step is due and hands them to the lifecycle, never holding more than
 * {@code maxInHand} steps at once: the rest stay in the database, due, until capacity frees up. This
 * is how thousands of running jobs wait without a thread each. Each pass also takes over actions
 * no live instance holds (new ones, or those of an instance that died), a fair share at a time.
 */
public final class ActionDispatcher {

    private final ActionStore store;
    private final ClusterMembership cluster;
    private final int maxInHand;
    private final Set<String> inHand = ConcurrentHashMap.newKeySet();

    public ActionDispatcher(ActionStore store, ClusterMembership cluster, int maxInHand) {
        if (maxInHand < 1) {
            throw new IllegalArgumentException("bridge.lifecycle.dispatch-batch must be positive, got " + maxInHand);
        }
        this.store = store;
        this.cluster = cluster;
        this.maxInHand = maxInHand;
    }

    /** Takes over a share of the unheld actions, then returns this instance's due ones up to the free capacity. */
    public List<String> claimDue() {
        if (!cluster.holdsLeases()) {
            return List.of();
        }
        int free = maxInHand - inHand.size();
        if (free <= 0) {
            return List.of();
        }
        store.takeOver(cluster.instanceId(), cluster.liveSince(), Math.max(1, free / cluster.liveInstances()));
        List<String> due = store.dueOwned(cluster.instanceId(), free, inHand);
        List<String> taken = new ArrayList<>(due.size());
        for (String id : due) {
            if (inHand.add(id)) {
                taken.add(id);
            }
        }
        return taken;
    }

    /**
     * Names the action in the {@value LifecycleVariables#ACTION_ID} variable (for a dead letter, whatever
     * the body has become by then) and frees the step's place when its exchange completes, whatever the
     * outcome (dead letters included).
     */
    public void track(Exchange exchange) {
        String id = exchange.getMessage().getBody(String.class);
        exchange.setVariable(LifecycleVariables.ACTION_ID, id);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                inHand.remove(id);
                ActionMdc.clear();
            }
        });
    }

    public int inHand() {
        return inHand.size();
    }
}
