import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator and measuring tool of the benchmarks in bench/ (issue 6). JDK only, one file:
 * {@code java bench/Bench.java <command> --option value ...}. Every command prints one line
 * {@code key=value ...} of results that the bench/*.sh scripts keep and summarise.
 *
 * <pre>
 * intake-rate    --url U --clients 64 --seconds 60 [--prefix P] [--series FILE]
 *                Closed loop: each client posts a new alert as soon as the last one was answered.
 * intake-latency --url U --rate 500 --seconds 30 [--warmup 10] [--clients 32] [--prefix P]
 *                Open loop at a fixed rate; latency counted from the planned send time.
 * post           --url U --count N [--clients 16] [--prefix P]
 *                Posts N alerts as fast as it can; prints when the first was sent and the last answered.
 * wait-finished  --url U --count N [--timeout 600] [--series FILE]
 *                Waits until bridge_actions_finished_total (all outcomes) reaches N.
 * throttle       --sim U --limit L [--from S --to S]
 *                Reads GET /simulator/calls: the busiest epoch second, seconds over the limit, and the
 *                budget used over the epoch seconds [from, to).
 * start          --jar J --port P --dir D [--idle 30] [--jvm "-Xmx..."] [--launcher bin/alert-job-bridge] [--] [-Dkey=value ...]
 *                Spawns java -jar, times it to 200 on /observe/health/ready, reads RSS at ready and idle.
 * jfr            --file F [--top 25] [--thread NAME-PART] [--focus FRAME-PART --depth 8]
 *                Where the CPU samples and the lock waits of a JFR recording fall.
 * threads        --file F   Counts the threads of a jcmd Thread.print dump by pool (name without digits).
 * jmh            --file F   Per-fork means, their median and spread, from a JMH JSON result file.
 * </pre>
 *
 * Alerts are README.md's disk alert with a unique id ({prefix}-{n}) and a host address varied per alert;
 * they carry {@code Authorization: Bearer <token>}, the token taken from --token, else BRIDGE_INTAKE_TOKEN,
 * else bridge.intake.token in ./application.properties (so it works whether the endpoint checks it or not).
 * HTTP/1.1 over plain keep-alive sockets, one per client: the generator costs little CPU on a machine it
 * shares with the bridge.
 */
public class Bench {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java bench/Bench.java <intake-rate|intake-latency|post|wait-finished|throttle|start|jfr|threads> --option value ...");
            System.exit(2);
        }
        Opts o = new Opts(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "intake-rate" -> intakeRate(o);
            case "intake-latency" -> intakeLatency(o);
            case "post" -> post(o);
            case "wait-finished" -> waitFinished(o);
            case "throttle" -> throttle(o);
            case "start" -> start(o);
            case "jfr" -> Jfr.report(o);
            case "threads" -> threads(o);
            case "jmh" -> jmh(o);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    // ---- intake --------------------------------------------------------------------------------

    static void intakeRate(Opts o) throws Exception {
        URI url = URI.create(o.get("url"));
        int clients = o.integer("clients", 64);
        long seconds = o.integer("seconds", 60);
        String prefix = o.get("prefix", "rate-" + System.currentTimeMillis());
        String token = token(o);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long[][] latencies = new long[clients][];
        int[][] perSecond = new int[clients][(int) seconds + 2];
        long[] accepted = new long[clients];
        long[] other = new long[clients];
        Map<Integer, Long> statuses = new TreeMap<>();
        Thread[] threads = new Thread[clients];
        CountDownLatch ready = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int id = c;
            threads[c] = new Thread(() -> {
                LongList lat = new LongList();
                Map<Integer, Long> mine = new HashMap<>();
                try (Http http = new Http(url)) {
                    ready.countDown();
                    while (System.nanoTime() < end) {
                        long n = next.getAndIncrement();
                        long t0 = System.nanoTime();
                        int status = http.post("/api/v1/alerts", alert(prefix, n), token);
                        long t1 = System.nanoTime();
                        mine.merge(status, 1L, Long::sum);
                        if (status == 202) {
                            accepted[id]++;
                            lat.add(t1 - t0);
                            int s = (int) ((t1 - start) / 1_000_000_000L);
                            if (s < perSecond[id].length) {
                                perSecond[id][s]++;
                            }
                        } else {
                            other[id]++;
                        }
                    }
                } catch (IOException e) {
                    System.err.println("client " + id + ": " + e);
                }
                latencies[id] = lat.toArray();
                synchronized (statuses) {
                    mine.forEach((k, v) -> statuses.merge(k, v, Long::sum));
                }
            });
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long ok = Arrays.stream(accepted).sum();
        long bad = Arrays.stream(other).sum();
        int[] series = new int[(int) seconds];
        for (int[] p : perSecond) {
            for (int s = 0; s < series.length; s++) {
                series[s] += p[s];
            }
        }
        // The first and last whole seconds are where clients connect and stop: the slowest steady second
        // is read between them.
        int minSecond = Integer.MAX_VALUE;
        for (int s = 1; s < series.length - 1; s++) {
            minSecond = Math.min(minSecond, series[s]);
        }
        if (o.has("series")) {
            StringBuilder sb = new StringBuilder("second,accepted\n");
            for (int s = 0; s < series.length; s++) {
                sb.append(s).append(',').append(series[s]).append('\n');
            }
            Files.writeString(Path.of(o.get("series")), sb);
        }
        long[] all = merge(latencies);
        System.out.println(String.format(Locale.ROOT,
                "accepted=%d other=%d statuses=%s seconds=%.1f rate=%.0f min_second=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.1f",
                ok, bad, statuses, elapsed, ok / elapsed, minSecond, pct(all, 50) / 1e6, pct(all, 99) / 1e6,
                (all.length == 0 ? 0 : all[all.length - 1]) / 1e6));
    }

    static void intakeLatency(Opts o) throws Exception {
        URI url = URI.create(o.get("url"));
        int rate = o.integer("rate", 500);
        int seconds = o.integer("seconds", 30);
        int warmup = o.integer("warmup", 10);
        int clients = o.integer("clients", 32);
        String prefix = o.get("prefix", "lat-" + System.currentTimeMillis());
        String token = token(o);
        long total = (long) rate * (warmup + seconds);
        long measuredFrom = (long) rate * warmup;
        double intervalNs = 1e9 / rate;
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + 200_000_000L;
        long[][] fromPlan = new long[clients][];
        long[][] service = new long[clients][];
        long[] errors = new long[clients];
        long[] late = new long[clients];
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int id = c;
            threads[c] = new Thread(() -> {
                LongList plan = new LongList();
                LongList serv = new LongList();
                try (Http http = new Http(url)) {
                    while (true) {
                        long n = next.getAndIncrement();
                        if (n >= total) {
                            break;
                        }
                        long planned = start + (long) (n * intervalNs);
                        long wait;
                        while ((wait = planned - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        long sent = System.nanoTime();
                        int status = http.post("/api/v1/alerts", alert(prefix, n), token);
                        long done = System.nanoTime();
                        if (n >= measuredFrom) {
                            if (status != 202) {
                                errors[id]++;
                            }
                            plan.add(done - planned);
                            serv.add(done - sent);
                            if (sent - planned > 1_000_000L) {
                                late[id]++;
                            }
                        }
                    }
                } catch (IOException e) {
                    System.err.println("client " + id + ": " + e);
                }
                fromPlan[id] = plan.toArray();
                service[id] = serv.toArray();
            });
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] p = merge(fromPlan);
        long[] s = merge(service);
        System.out.println(String.format(Locale.ROOT,
                "rate=%d measured=%d errors=%d sent_late_1ms=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f"
                        + " service_p50_ms=%.2f service_p99_ms=%.2f",
                rate, p.length, Arrays.stream(errors).sum(), Arrays.stream(late).sum(), pct(p, 50) / 1e6, pct(p, 90) / 1e6,
                pct(p, 99) / 1e6, pct(p, 99.9) / 1e6, (p.length == 0 ? 0 : p[p.length - 1]) / 1e6,
                pct(s, 50) / 1e6, pct(s, 99) / 1e6));
    }

    static void post(Opts o) throws Exception {
        URI url = URI.create(o.get("url"));
        long count = o.integer("count", 1000);
        int clients = o.integer("clients", 16);
        String prefix = o.get("prefix", "post-" + System.currentTimeMillis());
        String token = token(o);
        AtomicLong next = new AtomicLong();
        long[] accepted = new long[clients];
        Map<Integer, Long> statuses = new TreeMap<>();
        long firstSendMs = System.currentTimeMillis();
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int id = c;
            threads[c] = new Thread(() -> {
                Map<Integer, Long> mine = new HashMap<>();
                try (Http http = new Http(url)) {
                    long n;
                    while ((n = next.getAndIncrement()) < count) {
                        int status = http.post("/api/v1/alerts", alert(prefix, n), token);
                        mine.merge(status, 1L, Long::sum);
                        if (status == 202) {
                            accepted[id]++;
                        }
                    }
                } catch (IOException e) {
                    System.err.println("client " + id + ": " + e);
                }
                synchronized (statuses) {
                    mine.forEach((k, v) -> statuses.merge(k, v, Long::sum));
                }
            });
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long lastAckMs = System.currentTimeMillis();
        long ok = Arrays.stream(accepted).sum();
        System.out.println(String.format(Locale.ROOT, "accepted=%d statuses=%s first_send_ms=%d last_ack_ms=%d rate=%.0f",
                ok, statuses, firstSendMs, lastAckMs, ok * 1000.0 / Math.max(1, lastAckMs - firstSendMs)));
    }

    /** README.md's disk alert; the id and the host address differ per alert. */
    static byte[] alert(String prefix, long n) {
        String ip = "10." + (1 + (n / 62500) % 250) + "." + ((n / 250) % 250) + "." + (1 + n % 250);
        return ("{\"id\":\"" + prefix + "-" + n + "\",\"alert_name\":\"Disk usage\",\"strategy_id\":52,\"severity\":1,"
                + "\"status\":\"ABNORMAL\",\"dimensions\":[{\"key\":\"bk_target_ip\",\"value\":\"" + ip + "\"}],"
                + "\"event\":{\"bk_biz_id\":2,\"ip\":\"" + ip + "\",\"bk_cloud_id\":0,\"bk_host_id\":" + (2000 + n) + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String token(Opts o) throws IOException {
        if (o.has("token")) {
            return o.get("token");
        }
        String env = System.getenv("BRIDGE_INTAKE_TOKEN");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        Properties p = new Properties();
        Path file = Path.of("application.properties");
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p.getProperty("bridge.intake.token", "").trim();
    }

    // ---- progress and the simulator's view -------------------------------------------------------

    static void waitFinished(Opts o) throws Exception {
        URI url = URI.create(o.get("url"));
        long count = o.integer("count", 1);
        long timeoutMs = o.integer("timeout", 600) * 1000L;
        long periodMs = o.integer("period-ms", 250);
        StringBuilder series = new StringBuilder("epoch_ms,finished,in_flight\n");
        long start = System.currentTimeMillis();
        double finished = 0;
        try (Http http = new Http(url)) {
            while (System.currentTimeMillis() - start < timeoutMs) {
                String metrics = http.getText("/observe/metrics");
                finished = metricSum(metrics, "bridge_actions_finished_total");
                double inFlight = metricSum(metrics, "bridge_actions_in_flight");
                long now = System.currentTimeMillis();
                series.append(now).append(',').append((long) finished).append(',').append((long) inFlight).append('\n');
                if (finished >= count) {
                    break;
                }
                Thread.sleep(periodMs);
            }
        }
        if (o.has("series")) {
            Files.writeString(Path.of(o.get("series")), series);
        }
        long doneMs = System.currentTimeMillis();
        System.out.println("finished=" + (long) finished + " seen_done_ms=" + doneMs + " complete=" + (finished >= count));
        if (finished < count) {
            System.exit(1);
        }
    }

    static double metricSum(String text, String name) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name) && (line.length() == name.length() || line.charAt(name.length()) == '{'
                    || line.charAt(name.length()) == ' ')) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    @SuppressWarnings("unchecked")
    static void throttle(Opts o) throws Exception {
        URI url = URI.create(o.get("sim"));
        int limit = o.integer("limit", 0);
        Map<String, Object> calls;
        try (Http http = new Http(url)) {
            calls = (Map<String, Object>) Json.parse(http.getText("/simulator/calls"));
        }
        TreeMap<Long, Long> perSecond = new TreeMap<>();
        ((Map<String, Object>) calls.get("calls_per_second")).forEach((k, v) -> perSecond.put(Long.parseLong(k), ((Number) v).longValue()));
        long max = perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Long> over = new ArrayList<>();
        perSecond.forEach((s, n) -> {
            if (n > limit) {
                over.add(s);
            }
        });
        long from = o.has("from") ? Long.parseLong(o.get("from")) : perSecond.isEmpty() ? 0 : perSecond.firstKey() + 1;
        long to = o.has("to") ? Long.parseLong(o.get("to")) : perSecond.isEmpty() ? 0 : perSecond.lastKey();
        long used = 0;
        long minSecond = Long.MAX_VALUE;
        StringBuilder window = new StringBuilder();
        for (long s = from; s < to; s++) {
            long n = perSecond.getOrDefault(s, 0L);
            used += n;
            minSecond = Math.min(minSecond, n);
            window.append(window.length() == 0 ? "" : " ").append(n);
        }
        long seconds = Math.max(0, to - from);
        if (o.has("series")) {
            StringBuilder sb = new StringBuilder("epoch_second,calls\n");
            perSecond.forEach((s, n) -> sb.append(s).append(',').append(n).append('\n'));
            Files.writeString(Path.of(o.get("series")), sb);
        }
        System.out.println(String.format(Locale.ROOT,
                "limit=%d total_calls=%s by_api=%s seconds_with_calls=%d max_second=%d seconds_over_limit=%d window=[%d,%d) "
                        + "window_seconds=%d window_calls=%d used_pct=%.2f min_window_second=%d window_series=%s",
                limit, calls.get("total_calls"), compact(calls.get("calls_by_api")), perSecond.size(), max, over.size(),
                from, to, seconds, used, seconds == 0 ? 0 : 100.0 * used / (limit * (double) seconds),
                seconds == 0 ? 0 : minSecond, window.toString().replace(' ', '/')));
    }

    static String compact(Object o) {
        return String.valueOf(o).replace(" ", "");
    }

    // ---- start ---------------------------------------------------------------------------------

    static void start(Opts o) throws Exception {
        String jar = o.get("jar");
        int port = o.integer("port", 18080);
        Path dir = Path.of(o.get("dir"));
        int idle = o.integer("idle", 30);
        Files.createDirectories(dir);
        List<String> jvm = new ArrayList<>();
        if (o.has("jvm")) {
            jvm.addAll(Arrays.asList(o.get("jvm").trim().split("\\s+")));
        }
        jvm.add("-Dbridge.http.port=" + port);
        jvm.add("-Dbridge.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("db"));
        jvm.addAll(o.rest);
        List<String> cmd = new ArrayList<>();
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (o.has("launcher")) {
            // bin/alert-job-bridge: its own JVM flags, then these through JAVA_OPTS.
            cmd.add(o.get("launcher"));
            pb.environment().put("JAVA_OPTS", String.join(" ", jvm));
            pb.environment().put("BRIDGE_JAR", jar);
        } else {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvm);
            cmd.addAll(List.of("-jar", jar));
        }
        URI url = URI.create("http://127.0.0.1:" + port);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(dir.resolve("bridge.log").toFile()));
        long t0 = System.nanoTime();
        Process p = pb.start();
        long readyNs = -1;
        int polls = 0;
        while (System.nanoTime() - t0 < 120_000_000_000L && p.isAlive()) {
            polls++;
            try (Http http = new Http(url)) {
                if (http.get("/observe/health/ready") == 200) {
                    readyNs = System.nanoTime() - t0;
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        long pid = p.pid();
        double cpuReadyS = cpuSeconds(pid);
        long rssReady = procStatus(pid, "VmRSS");
        int threadsReady = (int) procStatus(pid, "Threads");
        Thread.sleep(idle * 1000L);
        long rssIdle = procStatus(pid, "VmRSS");
        long hwm = procStatus(pid, "VmHWM");
        int threadsIdle = (int) procStatus(pid, "Threads");
        if (o.has("keep")) {
            System.out.println("pid=" + pid);
        } else {
            p.destroy();
            p.waitFor();
        }
        System.out.println(String.format(Locale.ROOT,
                "ready_ms=%d cpu_s_at_ready=%.1f polls=%d rss_ready_mib=%.1f rss_idle_mib=%.1f hwm_mib=%.1f threads_ready=%d threads_idle=%d idle_s=%d",
                readyNs < 0 ? -1 : readyNs / 1_000_000, cpuReadyS, polls, rssReady / 1024.0, rssIdle / 1024.0, hwm / 1024.0,
                threadsReady, threadsIdle, idle));
    }

    /** User plus system CPU time of a process so far, from /proc/PID/stat (clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /** A field of /proc/PID/status in kB (or a plain count). */
    static long procStatus(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    static void threads(Opts o) throws IOException {
        Map<String, Integer> pools = new TreeMap<>();
        int total = 0;
        for (String line : Files.readAllLines(Path.of(o.get("file")))) {
            if (line.startsWith("\"")) {
                String name = line.substring(1, line.indexOf('"', 1));
                String pool = name.replaceAll("\\d+", "#");
                pools.merge(pool, 1, Integer::sum);
                total++;
            }
        }
        System.out.println("threads=" + total);
        pools.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.println(String.format("%5d  %s", e.getValue(), e.getKey())));
    }

    @SuppressWarnings("unchecked")
    static void jmh(Opts o) throws IOException {
        List<Object> results = (List<Object>) Json.parse(Files.readString(Path.of(o.get("file"))));
        for (Object r : results) {
            Map<String, Object> result = (Map<String, Object>) r;
            Map<String, Object> metric = (Map<String, Object>) result.get("primaryMetric");
            List<Object> forks = (List<Object>) metric.get("rawData");
            double[] means = new double[forks.size()];
            StringBuilder perFork = new StringBuilder();
            for (int f = 0; f < forks.size(); f++) {
                List<Object> iterations = (List<Object>) forks.get(f);
                means[f] = iterations.stream().mapToDouble(v -> ((Number) v).doubleValue()).average().orElse(0);
                perFork.append(f == 0 ? "" : "/").append(Math.round(means[f]));
            }
            double[] sorted = means.clone();
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            String name = String.valueOf(result.get("benchmark"));
            System.out.println(String.format(Locale.ROOT,
                    "benchmark=%s threads=%s forks=%d fork_means=%s median=%.0f min=%.0f max=%.0f spread_pct=%.1f jmh_score=%.0f jmh_error=%.0f unit=%s",
                    name.substring(name.lastIndexOf('.') + 1), result.get("threads"), means.length, perFork, median,
                    sorted[0], sorted[sorted.length - 1], 100 * (sorted[sorted.length - 1] - sorted[0]) / median,
                    num(metric.get("score")), num(metric.get("scoreError")),
                    metric.get("scoreUnit")));
        }
    }

    static double num(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
    }

    // ---- numbers -------------------------------------------------------------------------------

    static long[] merge(long[][] parts) {
        long[] all = Arrays.stream(parts).filter(a -> a != null).flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /** Nearest-rank percentile of a sorted array. */
    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static final class LongList {
        long[] a = new long[1024];
        int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    static final class Opts {
        final Map<String, String> values = new LinkedHashMap<>();
        final List<String> rest = new ArrayList<>();

        Opts(String[] args) {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--")) {
                    rest.addAll(Arrays.asList(args).subList(i + 1, args.length));
                    return;
                }
                if (args[i].startsWith("--") && i + 1 < args.length) {
                    values.put(args[i].substring(2), args[++i]);
                } else {
                    rest.add(args[i]);
                }
            }
        }

        boolean has(String k) {
            return values.containsKey(k);
        }

        String get(String k) {
            String v = values.get(k);
            if (v == null) {
                throw new IllegalArgumentException("--" + k + " is required");
            }
            return v;
        }

        String get(String k, String dflt) {
            return values.getOrDefault(k, dflt);
        }

        int integer(String k, int dflt) {
            return values.containsKey(k) ? Integer.parseInt(values.get(k)) : dflt;
        }
    }

    // ---- HTTP/1.1 on one keep-alive socket -------------------------------------------------------

    static final class Http implements AutoCloseable {
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private byte[] lastBody = new byte[0];

        Http(URI base) throws IOException {
            this.host = base.getHost();
            this.port = base.getPort();
            connect();
        }

        private void connect() throws IOException {
            if (socket != null) {
                socket.close();
            }
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = new BufferedOutputStream(socket.getOutputStream(), 16384);
        }

        int post(String path, byte[] body, String token) throws IOException {
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/json\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            return exchange(head.getBytes(StandardCharsets.US_ASCII), body);
        }

        int get(String path) throws IOException {
            String head = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: */*\r\n\r\n";
            return exchange(head.getBytes(StandardCharsets.US_ASCII), null);
        }

        String getText(String path) throws IOException {
            int status = get(path);
            if (status != 200) {
                throw new IOException("GET " + path + " answered " + status);
            }
            return new String(lastBody, StandardCharsets.UTF_8);
        }

        private int exchange(byte[] head, byte[] body) throws IOException {
            for (int attempt = 0; ; attempt++) {
                try {
                    out.write(head);
                    if (body != null) {
                        out.write(body);
                    }
                    out.flush();
                    return readResponse();
                } catch (IOException e) {
                    // A keep-alive connection the server closed: reconnect once and send again.
                    if (attempt > 0 || e instanceof ConnectException) {
                        throw e;
                    }
                    connect();
                }
            }
        }

        private int readResponse() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            String h;
            while (!(h = line()).isEmpty()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream bodyOut = new ByteArrayOutputStream();
            if (chunked) {
                while (true) {
                    int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                    if (size == 0) {
                        while (!line().isEmpty()) { }
                        break;
                    }
                    bodyOut.write(in.readNBytes(size));
                    line();
                }
            } else if (length > 0) {
                byte[] b = in.readNBytes((int) length);
                if (b.length < length) {
                    throw new EOFException("short body");
                }
                bodyOut.write(b);
            }
            lastBody = bodyOut.toByteArray();
            if (close) {
                connect();
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int len = sb.length();
                    return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            throw new EOFException("connection closed");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    // ---- a minimal JSON reader (objects to LinkedHashMap, arrays to ArrayList, numbers to Double/Long) --

    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            Object v = j.value();
            return v;
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        i++; // ':'
                        m.put(k, value());
                        ws();
                        if (s.charAt(i++) == '}') {
                            return m;
                        }
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i++) == ']') {
                            return l;
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    i += 4;
                    return Boolean.TRUE;
                case 'f':
                    i += 5;
                    return Boolean.FALSE;
                case 'n':
                    i += 4;
                    return null;
                default: {
                    int from = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String num = s.substring(from, i);
                    if (num.contains(".") || num.contains("e") || num.contains("E")) {
                        return Double.parseDouble(num);
                    }
                    return Long.parseLong(num);
                }
            }
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }

    // ---- JFR -----------------------------------------------------------------------------------

    static final class Jfr {
        static void report(Opts o) throws IOException {
            Path file = Path.of(o.get("file"));
            int top = o.integer("top", 25);
            Map<String, Long> self = new HashMap<>();
            Map<String, Long> groups = new HashMap<>();
            Map<String, Long> bridgeFrames = new HashMap<>();
            Map<String, Long> threadsByPool = new HashMap<>();
            Map<String, Long> monitorByClass = new HashMap<>();
            Map<String, Long> monitorNanosByClass = new HashMap<>();
            Map<String, Long> parkNanosByFrame = new HashMap<>();
            Map<String, Long> focused = new HashMap<>();
            String focus = o.get("focus", null);
            String threadFilter = o.get("thread", null);
            int depth = o.integer("depth", 8);
            long samples = 0;
            long gcCount = 0;
            long gcPauseNanos = 0;
            long gcLongestNanos = 0;
            try (var rf = new jdk.jfr.consumer.RecordingFile(file)) {
                while (rf.hasMoreEvents()) {
                    var e = rf.readEvent();
                    String type = e.getEventType().getName();
                    switch (type) {
                        case "jdk.ExecutionSample" -> {
                            if (threadFilter != null) {
                                var st0 = e.getThread("sampledThread");
                                if (st0 == null || st0.getJavaName() == null || !st0.getJavaName().contains(threadFilter)) {
                                    continue;
                                }
                            }
                            samples++;
                            var st = e.getStackTrace();
                            var frames = st == null ? List.<jdk.jfr.consumer.RecordedFrame>of() : st.getFrames();
                            if (!frames.isEmpty()) {
                                self.merge(name(frames.get(0)), 1L, Long::sum);
                                groups.merge(group(frames.get(0)), 1L, Long::sum);
                            }
                            // The innermost bridge frame: which of our beans the time is spent under.
                            for (var f : frames) {
                                String n = name(f);
                                if (n.startsWith("io.alertjobbridge.")) {
                                    bridgeFrames.merge(n, 1L, Long::sum);
                                    break;
                                }
                            }
                            if (focus != null) {
                                int at = -1;
                                for (int k = 0; k < frames.size(); k++) {
                                    if (name(frames.get(k)).contains(focus)) {
                                        at = k;
                                        break;
                                    }
                                }
                                if (at >= 0) {
                                    StringBuilder path = new StringBuilder();
                                    for (int k = Math.min(at, depth - 1); k >= 0; k--) {
                                        path.append(k == Math.min(at, depth - 1) ? "" : " > ").append(name(frames.get(k)));
                                    }
                                    focused.merge(name(frames.get(at)) + " :: " + path, 1L, Long::sum);
                                }
                            }
                            var t = e.getThread("sampledThread");
                            String tn = t == null ? "?" : t.getJavaName();
                            threadsByPool.merge(tn == null ? "?" : tn.replaceAll("\\d+", "#"), 1L, Long::sum);
                        }
                        case "jdk.JavaMonitorEnter" -> {
                            var c = e.getClass("monitorClass");
                            String cn = c == null ? "?" : c.getName();
                            monitorByClass.merge(cn, 1L, Long::sum);
                            monitorNanosByClass.merge(cn, e.getDuration().toNanos(), Long::sum);
                        }
                        case "jdk.ThreadPark" -> {
                            var st = e.getStackTrace();
                            if (st != null) {
                                String where = "?";
                                for (var f : st.getFrames()) {
                                    String n = name(f);
                                    if (!n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun.")) {
                                        where = n;
                                        break;
                                    }
                                }
                                parkNanosByFrame.merge(where, e.getDuration().toNanos(), Long::sum);
                            }
                        }
                        case "jdk.GarbageCollection" -> {
                            gcCount++;
                            long d = e.getDuration("sumOfPauses").toNanos();
                            gcPauseNanos += d;
                            gcLongestNanos = Math.max(gcLongestNanos, e.getDuration("longestPause").toNanos());
                        }
                        default -> { }
                    }
                }
            }
            PrintStream out = System.out;
            out.printf(Locale.ROOT, "execution_samples=%d gc_count=%d gc_pause_total_ms=%.1f gc_longest_pause_ms=%.1f%n",
                    samples, gcCount, gcPauseNanos / 1e6, gcLongestNanos / 1e6);
            print(out, "CPU samples by package group of the top frame", groups, samples, top);
            print(out, "CPU samples by sampled thread (digits folded)", threadsByPool, samples, top);
            print(out, "CPU samples by innermost io.alertjobbridge frame", bridgeFrames, samples, top);
            print(out, "CPU samples by top frame (self time)", self, samples, top);
            printNanos(out, "Monitor-enter waits (>= 20 ms threshold of the profile settings) by lock class", monitorNanosByClass, monitorByClass, top);
            printNanos(out, "Thread park time by first non-JDK frame", parkNanosByFrame, null, top);
            if (focus != null) {
                print(out, "CPU samples under frames containing '" + focus + "', by path (outer > inner, " + depth
                        + " frames)", focused, samples, top);
            }
        }

        static String name(jdk.jfr.consumer.RecordedFrame f) {
            var m = f.getMethod();
            return m.getType().getName() + "." + m.getName();
        }

        static String group(jdk.jfr.consumer.RecordedFrame f) {
            String n = f.getMethod().getType().getName();
            String[][] groups = {
                    {"org.h2.", "H2 database"}, {"com.zaxxer.hikari.", "HikariCP"}, {"org.flywaydb.", "Flyway"},
                    {"com.hubspot.jinjava.", "Jinjava"}, {"com.fasterxml.jackson.", "Jackson"},
                    {"org.apache.camel.", "Camel"}, {"io.vertx.", "Vert.x"}, {"io.netty.", "Netty"},
                    {"org.apache.hc.", "Apache HttpClient 5"}, {"org.apache.logging.", "Log4j"},
                    {"io.micrometer.", "Micrometer"}, {"io.alertjobbridge.", "bridge"},
                    {"java.util.regex.", "JDK regex"}, {"java.util.zip.", "JDK zip"}, {"sun.nio.", "JDK NIO"},
                    {"java.", "JDK other"}, {"jdk.", "JDK other"}, {"sun.", "JDK other"}};
            for (String[] g : groups) {
                if (n.startsWith(g[0])) {
                    return g[1];
                }
            }
            return "other (" + n.substring(0, Math.max(0, n.lastIndexOf('.'))) + ")";
        }

        static void print(PrintStream out, String title, Map<String, Long> counts, long total, int top) {
            out.println("-- " + title);
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                    .forEach(e -> out.printf(Locale.ROOT, "%7d %5.1f%%  %s%n", e.getValue(),
                            100.0 * e.getValue() / Math.max(1, total), e.getKey()));
        }

        static void printNanos(PrintStream out, String title, Map<String, Long> nanos, Map<String, Long> counts, int top) {
            out.println("-- " + title);
            nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                    .forEach(e -> out.printf(Locale.ROOT, "%10.1f ms %s %s%n", e.getValue() / 1e6,
                            counts == null ? "" : "(" + counts.get(e.getKey()) + " events)", e.getKey()));
        }
    }

}
