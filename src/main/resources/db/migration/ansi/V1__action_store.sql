-- The action store (H2 and PostgreSQL; MariaDB/MySQL have their own copy under mysql/). Every step of an action's lifecycle is committed here before the next one
-- starts; whatever the process holds in memory is only a cache of these rows.
-- Times are epoch milliseconds (BIGINT) so the same schema reads the same on H2, PostgreSQL and MySQL.

CREATE TABLE alert (
    id           VARCHAR(128) NOT NULL PRIMARY KEY,
    source       VARCHAR(32)  NOT NULL,
    received_at  BIGINT       NOT NULL,
    payload      TEXT         NOT NULL
);

CREATE TABLE action (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    alert_id         VARCHAR(128) NOT NULL,
    action_name      VARCHAR(200) NOT NULL,
    plan_id          BIGINT       NOT NULL,
    bk_biz_id        BIGINT       NOT NULL,
    timeout_s        INT          NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    outcome          VARCHAR(32),
    reason           TEXT,
    job_error        TEXT,
    job_instance_id  BIGINT,
    job_url          VARCHAR(1024),
    job_status       INT,
    global_var_list  TEXT,
    steps            TEXT,
    attempts         INT          NOT NULL DEFAULT 0,
    log_cursor       INT          NOT NULL DEFAULT 0,
    next_run_at      BIGINT,
    owner            VARCHAR(100),
    lease_until      BIGINT,
    launch_sent_at   BIGINT,
    orphan_check     BOOLEAN      NOT NULL DEFAULT FALSE,
    converge_key     VARCHAR(64),
    host_key         VARCHAR(200),
    evidence         TEXT,
    started_at       BIGINT,
    deadline_at      BIGINT,
    created_at       BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL,
    finished_at      BIGINT,
    CONSTRAINT action_alert_fk FOREIGN KEY (alert_id) REFERENCES alert (id)
);
CREATE INDEX action_due_idx ON action (next_run_at);
CREATE INDEX action_owner_idx ON action (owner, next_run_at);
CREATE INDEX action_alert_idx ON action (alert_id);
CREATE INDEX action_created_idx ON action (created_at);
CREATE INDEX action_finished_idx ON action (finished_at);
CREATE INDEX action_converge_idx ON action (converge_key);
CREATE INDEX action_host_key_idx ON action (host_key);

-- Per host and step: what Job reported and the log it kept (cut at bridge.job.max-log-bytes).
CREATE TABLE action_host_result (
    action_id         VARCHAR(36)  NOT NULL,
    seq               INT          NOT NULL,
    step_instance_id  BIGINT       NOT NULL,
    step_name         VARCHAR(200),
    step_type         INT,
    ip                VARCHAR(64),
    bk_cloud_id       BIGINT,
    bk_host_id        BIGINT,
    status            INT,
    exit_code         INT,
    error_code        INT,
    log_content       TEXT,
    log_truncated     BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (action_id, seq),
    CONSTRAINT host_result_action_fk FOREIGN KEY (action_id) REFERENCES action (id)
);

-- Exchanges that still failed after their retries: the original message, the error, where, when.
CREATE TABLE dead_letter (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    action_id    VARCHAR(36),
    action_status VARCHAR(32),
    route_id     VARCHAR(200),
    endpoint     VARCHAR(1024),
    error        TEXT         NOT NULL,
    body         TEXT,
    status       VARCHAR(16)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    replayed_at  BIGINT
);
CREATE INDEX dead_letter_created_idx ON dead_letter (created_at);

-- The bridges sharing this database: each one heartbeats here; the live ones split the work and
-- the Job API budget between them.
CREATE TABLE bridge_instance (
    id            VARCHAR(100) NOT NULL PRIMARY KEY,
    host          VARCHAR(200),
    started_at    BIGINT       NOT NULL,
    heartbeat_at  BIGINT       NOT NULL,
    stopped_at    BIGINT
);

-- Result callbacks: one row per (finished action, target URL), written in the same transaction
-- that finishes the action, delivered with retries and back-off; next_run_at NULL when done.
CREATE TABLE callback (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    action_id     VARCHAR(36)   NOT NULL,
    url           VARCHAR(1024) NOT NULL,
    payload       TEXT          NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    last_error    TEXT,
    next_run_at   BIGINT,
    created_at    BIGINT        NOT NULL,
    delivered_at  BIGINT
);
CREATE INDEX callback_due_idx ON callback (next_run_at);
