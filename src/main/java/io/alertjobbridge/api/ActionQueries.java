package io.alertjobbridge.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.intake.BadRequestException;
import io.alertjobbridge.store.ActionRecord;
import io.alertjobbridge.store.ActionStatus;
import io.alertjobbridge.store.ActionStore;
import io.alertjobbridge.store.CallbackStore;

/** GET /api/v1/actions/{id} and GET /api/v1/actions?status=&alert_id=&limit=. */
public final class ActionQueries {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final ActionStore store;
    private final CallbackStore callbacks;
    private final ObjectMapper json;

    public ActionQueries(ActionStore store, CallbackStore callbacks, ObjectMapper json) {
        this.store = store;
        this.callbacks = callbacks;
        this.json = json;
    }

    public Map<String, Object> get(String id) {
        ActionRecord action = store.find(id).orElseThrow(() -> new NotFoundException("no action with id '" + id + "'"));
        Map<String, Object> view = ActionView.full(action, store.hostResults(id), json);
        List<Map<String, Object>> delivered = new ArrayList<>();
        for (CallbackStore.Callback cb : callbacks.ofAction(id)) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", cb.id());
            c.put("url", cb.url());
            c.put("status", cb.status());
            c.put("attempts", cb.attempts());
            c.put("last_error", cb.lastError());
            c.put("delivered_at", ActionView.time(cb.deliveredAt()));
            delivered.add(c);
        }
        view.put("callbacks", delivered);
        return view;
    }

    public Map<String, Object> list(String status, String alertId, String limit) {
        ActionStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = ActionStatus.fromWire(status);
            } catch (IllegalArgumentException e) {
                throw BadRequestException.invalidField("status", "is not an action status: '" + status + "'");
            }
        }
        int n = parseLimit(limit);
        List<Map<String, Object>> actions = new ArrayList<>();
        for (ActionRecord a : store.list(wanted, alertId == null || alertId.isBlank() ? null : alertId, n)) {
            actions.add(ActionView.summary(a));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("actions", actions);
        return out;
    }

    static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw BadRequestException.invalidField("limit", "must be an integer from 1 to " + MAX_LIMIT + ", got '" + limit + "'");
    }
}
