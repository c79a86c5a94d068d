package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * get_job_instance_list (reference 14): validation in Job's order, the filters, newest-first paging.
 * Every simulated instance was launched by execute_job_plan, so it records launch mode 2 (API) and type 0
 * (plan). An empty page carries {@code "data": null}, not {@code []}, as the real server does.
 */
final class InstanceListQuery {

    static final long MAX_SPAN_MS = 30L * 24 * 60 * 60 * 1000;
    static final int LAUNCH_MODE_API = 2;
    static final int TYPE_PLAN = 0;
    private static final int MAX_LENGTH = 1000;
    private static final int DEFAULT_LENGTH = 20;

    private final Scope scope;
    private final Long jobInstanceId;
    private final String operator;
    private final Pattern name;
    private final Integer launchMode;
    private final Integer type;
    private final Integer status;
    private final String ip;
    private final long createTimeStart;
    private final long createTimeEnd;
    private final int start;
    private final int length;

    private InstanceListQuery(JobRequest request) {
        scope = SimulatorRequestValidator.scope(request);
        Integer askedLength = request.optionalInt("length");
        length = askedLength == null ? DEFAULT_LENGTH : askedLength;
        if (length < 1 || length > MAX_LENGTH) {
            throw JobApiException.badRequest("The param 'length' must be in range: [1," + MAX_LENGTH + "]");
        }
        if (request.fromQuery() && (!request.has("create_time_start") || !request.has("create_time_end"))) {
            throw JobApiException.badRequest("Bad Request");
        }
        createTimeStart = atLeastOne(request.optionalLong("create_time_start"), "create_time_start");
        createTimeEnd = atLeastOne(request.optionalLong("create_time_end"), "create_time_end");
        if (createTimeEnd <= createTimeStart) {
            throw JobApiException.missingOrInvalidParam("create_time_start|create_time_end");
        }
        if (createTimeEnd - createTimeStart > MAX_SPAN_MS) {
            throw JobApiException.illegalParams();
        }
        type = request.optionalInt("type");
        if (type != null && (type < 0 || type > 2)) {
            throw JobApiException.illegalParams();
        }
        Integer askedStart = request.optionalInt("start");
        start = askedStart == null ? 0 : Math.max(0, askedStart);
        launchMode = request.optionalInt("launch_mode");
        status = request.optionalInt("status");
        // Job fails these in an unchecked enum lookup, hence its generic internal error.
        if ((launchMode != null && (launchMode < 1 || launchMode > 3)) || (status != null && !RunStatus.isKnown(status))) {
            throw new JobApiException(JobApiException.INTERNAL_ERROR, "Internal Server Error");
        }
        Long id = request.optionalLong("job_instance_id");
        jobInstanceId = id != null && id > 0 ? id : null;
        operator = blankToNull(request.optionalString("operator"));
        String nameText = blankToNull(request.optionalString("name"));
        name = nameText == null ? null : like(nameText);
        ip = blankToNull(request.optionalString("ip"));
    }

    static InstanceListQuery parse(JobRequest request) {
        return new InstanceListQuery(request);
    }

    ObjectNode page(Collection<SimulatedInstance> instances, long now) {
        List<Row> rows = instances.stream()
                .filter(i -> i.scope().equals(scope))
                .map(i -> new Row(i, i.view(now)))
                .filter(this::matches)
                .sorted(Comparator.comparingLong((Row r) -> r.instance.createTime()).reversed()
                        .thenComparing(Comparator.comparingLong((Row r) -> r.instance.id()).reversed()))
                .toList();
        ObjectNode data = SimulatorJson.object();
        data.put("start", start);
        data.put("length", length);
        data.put("total", rows.size());
        List<Row> page = rows.subList(Math.min(start, rows.size()), Math.min(rows.size(), start + length));
        if (page.isEmpty()) {
            data.putNull("data");
        } else {
            ArrayNode items = data.putArray("data");
            page.forEach(row -> render(items.addObject(), row, now));
        }
        return data;
    }

    private boolean matches(Row row) {
        SimulatedInstance instance = row.instance;
        if (jobInstanceId != null) {
            return instance.id() == jobInstanceId;
        }
        return instance.createTime() >= createTimeStart && instance.createTime() <= createTimeEnd
                && (operator == null || operator.equals(instance.operator()))
                && (name == null || name.matcher(instance.plan().name()).matches())
                && (launchMode == null || launchMode == LAUNCH_MODE_API)
                && (type == null || type == TYPE_PLAN)
                && (status == null || status == row.view.status())
                && (ip == null || instance.targets().stream().anyMatch(h -> h.ip().equals(ip)));
    }

    private static void render(ObjectNode node, Row row, long now) {
        SimulatedInstance instance = row.instance;
        InstanceView view = row.view;
        node.put("bk_scope_type", instance.scope().type());
        node.put("bk_scope_id", instance.scope().id());
        node.put("job_instance_id", instance.id());
        node.put("job_plan_id", instance.plan().id());
        node.put("job_template_id", instance.plan().templateId());
        node.put("name", instance.plan().name());
        node.put("operator", instance.operator());
        node.put("launch_mode", LAUNCH_MODE_API);
        node.put("type", TYPE_PLAN);
        node.put("status", view.status());
        node.put("create_time", instance.createTime());
        node.put("start_time", view.startTime());
        node.put("end_time", view.endTime());
        boolean live = view.startTime() != null && view.endTime() == null;
        node.put("total_time", live ? Long.valueOf(now - view.startTime()) : InstanceView.totalTime(view.startTime(), view.endTime()));
    }

    /** MySQL's {@code LIKE '%name%'} with no escaping: {@code %} and {@code _} stay wildcards; case-insensitive. */
    private static Pattern like(String text) {
        StringBuilder regex = new StringBuilder(".*");
        for (char c : text.toCharArray()) {
            if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.append(".*").toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL | Pattern.UNICODE_CASE);
    }

    private static long atLeastOne(Long value, String name) {
        if (value == null || value < 1) {
            throw JobApiException.missingOrInvalidParam(name);
        }
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private record Row(SimulatedInstance instance, InstanceView view) {
    }
}
