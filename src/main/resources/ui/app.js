// The status page: recent actions (with their steps, hosts and logs), dead letters with replay, and
// two charts, refreshed every few seconds from the bridge's own API. Alert ids, logs, errors and
// every other value from the API are untrusted: they reach the DOM only as text (textContent, text
// nodes, attribute values), never as HTML.
'use strict';

(() => {
  const REFRESH_MS = 5000;
  const ACTION_LIMIT = 200;
  const DEAD_LETTER_LIMIT = 100;
  const BY_ACTION_ROWS = 6;
  const FINAL = new Set(['success', 'failure', 'timeout', 'launch_unknown', 'skipped']);
  const OUTCOME_SERIES = [
    { key: 'success', label: 'success', cls: 'outcome-success' },
    { key: 'failure', label: 'failure', cls: 'outcome-failure' },
    { key: 'timeout', label: 'timeout', cls: 'outcome-timeout' },
    { key: 'launch_unknown', label: 'launch unknown', cls: 'outcome-launch_unknown' },
    { key: 'skipped', label: 'skipped', cls: 'outcome-skipped' },
  ];
  const RECEIVED_LINE = { key: 'received', label: 'received', cls: 'line-received' };
  const LATENCY_SERIES = [
    { key: 'mean_ms', label: 'mean', cls: 'latency-mean' },
    { key: 'p95_ms', label: 'p95', cls: 'latency-p95' },
  ];
  // Job's RunStatusEnum (jobs and steps) and the host statuses it reports per step.
  const RUN_STATUS = {
    1: 'not started', 2: 'running', 3: 'success', 4: 'failed', 5: 'skipped', 6: 'error ignored',
    7: 'waiting for user', 8: 'terminated', 9: 'abnormal', 10: 'stopping', 11: 'stopped', 13: 'rolling',
  };
  const HOST_STATUS = {
    5: 'waiting', 7: 'running', 9: 'success', 11: 'failed', 12: 'submit failed', 13: 'timed out',
    101: 'script failed', 102: 'script timed out', 103: 'script terminated', 104: 'exit code not 0',
    403: 'terminated',
  };
  const STEP_TYPE = { 1: 'script', 2: 'file transfer', 3: 'manual confirmation' };

  const $ = (id) => document.getElementById(id);

  const state = {
    // action id -> {node, updatedAt, status}: open detail panels survive the table's redraws.
    expanded: new Map(),
    // dead letter id -> {ok, text}: the answer to the last replay of each letter.
    replayResults: new Map(),
    // Dead letters whose error a reader opened: kept open across redraws.
    openLetterErrors: new Set(),
    // The last list the API answered, to redraw without asking again (opening a panel).
    actions: [],
    // Each load of the list takes a number; only the newest answer is drawn, so a slow answer to an
    // old filter never replaces the answer to the new one.
    actionsRequest: 0,
    timer: null,
    refreshing: null,
  };

  // ---- DOM helpers ------------------------------------------------------------------------------

  /** An element with attributes and children; strings become text nodes, never markup. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value == null || value === false) {
        continue;
      }
      if (key === 'class') {
        node.className = value;
      } else if (key === 'dataset') {
        Object.assign(node.dataset, value);
      } else if (key.startsWith('on')) {
        node.addEventListener(key.slice(2), value);
      } else {
        node.setAttribute(key, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child != null && child !== false) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }

  function showError(id, message) {
    const banner = $(id);
    banner.textContent = message || '';
    banner.hidden = !message;
  }

  // ---- Formatting -------------------------------------------------------------------------------

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  function formatTime(iso) {
    if (!iso) {
      return '–';
    }
    const d = new Date(iso);
    const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    const today = new Date();
    if (d.toDateString() === today.toDateString()) {
      return time;
    }
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
  }

  function timeCell(iso) {
    return el('time', { datetime: iso || null, title: iso ? new Date(iso).toString() : null }, formatTime(iso));
  }

  function formatDuration(ms) {
    if (ms == null || !Number.isFinite(ms) || ms < 0) {
      return '–';
    }
    if (ms < 1000) {
      return `${Math.round(ms)} ms`;
    }
    const s = ms / 1000;
    if (s < 60) {
      return `${s.toFixed(1)} s`;
    }
    const m = Math.floor(s / 60);
    if (m < 60) {
      return `${m} min ${pad(Math.floor(s % 60))} s`;
    }
    return `${Math.floor(m / 60)} h ${pad(m % 60)} min`;
  }

  /** How long the action took, or has been going for while it is in flight. */
  function durationOf(action) {
    const start = Date.parse(action.created_at);
    const end = action.finished_at ? Date.parse(action.finished_at) : Date.now();
    return formatDuration(end - start);
  }

  function formatMs(ms) {
    if (ms == null) {
      return '–';
    }
    return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
  }

  function statusBadge(status) {
    const kind = FINAL.has(status) ? status : 'in-flight';
    return el('span', { class: `badge badge-${kind}`, dataset: { status } }, status);
  }

  /** A link only to an http(s) address: a stored job_url is data, and data must not run script. */
  function safeHttpUrl(value) {
    try {
      const url = new URL(value, window.location.href);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function jobLink(action) {
    if (!action.job_instance_id) {
      return el('span', { class: 'muted' }, '–');
    }
    const href = action.job_url ? safeHttpUrl(action.job_url) : null;
    const text = `#${action.job_instance_id}`;
    if (!href) {
      return el('span', { class: 'mono' }, text);
    }
    return el('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'mono job-link' }, text, ' ↗');
  }

  // ---- API --------------------------------------------------------------------------------------

  async function api(path, options) {
    const response = await fetch(path, Object.assign({ headers: { Accept: 'application/json' }, cache: 'no-store' }, options));
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const message = body && body.error && body.error.message ? body.error.message : `HTTP ${response.status}`;
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  // ---- Filters ----------------------------------------------------------------------------------

  function filters() {
    return {
      status: $('filter-status').value,
      name: $('filter-name').value.trim(),
      alertId: $('filter-alert').value.trim(),
    };
  }

  /** The filters live in the address too, so a filtered view can be bookmarked or shared. */
  function saveFiltersInAddress() {
    const f = filters();
    const params = new URLSearchParams();
    if (f.status) params.set('status', f.status);
    if (f.name) params.set('action', f.name);
    if (f.alertId) params.set('alert_id', f.alertId);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
  }

  function loadFiltersFromAddress() {
    const params = new URLSearchParams(window.location.search);
    const status = params.get('status') || '';
    if ([...$('filter-status').options].some((o) => o.value === status)) {
      $('filter-status').value = status;
    }
    $('filter-name').value = params.get('action') || '';
    $('filter-alert').value = params.get('alert_id') || '';
  }

  // ---- Actions ----------------------------------------------------------------------------------

  async function loadActions() {
    const f = filters();
    const params = new URLSearchParams({ limit: String(ACTION_LIMIT) });
    if (f.status) params.set('status', f.status);
    if (f.alertId) params.set('alert_id', f.alertId);
    const request = ++state.actionsRequest;
    try {
      const body = await api(`/api/v1/actions?${params}`);
      if (request !== state.actionsRequest) {
        return;
      }
      showError('actions-error', null);
      state.actions = body.actions || [];
      renderActions();
    } catch (e) {
      if (request === state.actionsRequest) {
        showError('actions-error', `Could not load actions: ${e.message}`);
      }
      throw e;
    }
  }

  function renderActions() {
    const all = state.actions;
    // The API filters by status and alert id; the action name is matched here, within the newest ones.
    const needle = filters().name.toLowerCase();
    const actions = needle ? all.filter((a) => (a.action_name || '').toLowerCase().includes(needle)) : all;

    const names = [...new Set(all.map((a) => a.action_name).filter(Boolean))].sort();
    $('action-names').replaceChildren(...names.map((n) => el('option', { value: n })));

    const body = el('tbody');
    for (const action of actions) {
      body.append(actionRow(action));
      const open = state.expanded.get(action.id);
      if (open) {
        body.append(open.node);
        if (open.updatedAt !== action.updated_at || !FINAL.has(action.status)) {
          loadDetail(action.id);
        }
      }
    }
    $('actions-table').tBodies[0].replaceWith(body);
    $('actions-empty').hidden = actions.length > 0;
    const shown = actions.length === all.length ? `${all.length}` : `${actions.length} of ${all.length}`;
    $('actions-count').textContent = `${shown} shown${all.length >= ACTION_LIMIT ? ` (newest ${ACTION_LIMIT})` : ''}`;
  }

  function actionRow(action) {
    const open = state.expanded.has(action.id);
    const toggle = el('button', {
      type: 'button', class: 'expander', 'aria-expanded': String(open),
      'aria-label': `Details of action ${action.action_name}`, title: 'Steps, hosts and logs',
      onclick: () => toggleDetail(action),
    }, open ? '▾' : '▸');
    return el('tr', {
      class: `action-row${open ? ' open' : ''}`,
      dataset: { actionId: action.id, status: action.status },
      // A click anywhere on the row opens it, except on its link and button, which do their own thing.
      onclick: (event) => {
        if (!event.target.closest('a, button') && !window.getSelection().toString()) {
          toggleDetail(action);
        }
      },
    },
      el('td', { class: 'expander-col' }, toggle),
      el('td', {}, timeCell(action.created_at)),
      el('td', { class: 'action-name' }, action.action_name),
      el('td', { class: 'mono alert-id' }, action.alert_id),
      el('td', {}, statusBadge(action.status)),
      el('td', { class: 'num' }, durationOf(action)),
      el('td', {}, jobLink(action)));
  }

  function toggleDetail(action) {
    if (state.expanded.has(action.id)) {
      state.expanded.delete(action.id);
    } else {
      const cell = el('td', { colspan: 7 }, el('p', { class: 'muted loading' }, 'Loading steps and logs…'));
      state.expanded.set(action.id, {
        node: el('tr', { class: 'detail-row', dataset: { actionId: action.id } }, cell), updatedAt: null,
      });
      loadDetail(action.id);
    }
    renderActions();
  }

  async function loadDetail(id) {
    const open = state.expanded.get(id);
    if (!open || open.loading) {
      return;
    }
    open.loading = true;
    try {
      const action = await api(`/api/v1/actions/${encodeURIComponent(id)}`);
      const current = state.expanded.get(id);
      if (current) {
        current.updatedAt = action.updated_at;
        current.node.firstChild.replaceChildren(actionDetail(action, current.node.firstChild));
      }
    } catch (e) {
      open.node.firstChild.replaceChildren(el('p', { class: 'banner banner-error' }, `Could not load the action: ${e.message}`));
    } finally {
      open.loading = false;
    }
  }

  function fact(label, ...value) {
    return el('div', { class: 'fact' }, el('dt', {}, label), el('dd', {}, ...value));
  }

  function actionDetail(action, previousCell) {
    // Keep the logs a reader opened or closed across redraws of the same action.
    const logState = new Map();
    for (const row of previousCell.querySelectorAll('tr.log-row')) {
      logState.set(row.dataset.hostKey, !row.hidden);
    }
    const openBlocks = new Map();
    for (const block of previousCell.querySelectorAll('details[data-block]')) {
      openBlocks.set(block.dataset.block, block.open);
    }
    const isOpen = (block, byDefault) => (openBlocks.has(block) ? openBlocks.get(block) : byDefault);

    const facts = el('dl', { class: 'facts' },
      fact('Action id', el('span', { class: 'mono' }, action.id)),
      fact('Alert id', el('span', { class: 'mono' }, action.alert_id)),
      fact('Plan', el('span', { class: 'mono' }, String(action.plan_id)), ` · business ${action.bk_biz_id}`),
      fact('Job instance', jobLink(action),
        action.job_status != null ? ` · ${RUN_STATUS[action.job_status] || `status ${action.job_status}`}` : ''),
      fact('Started', timeCell(action.started_at)),
      fact('Finished', timeCell(action.finished_at)),
      fact('Attempts', String(action.attempts ?? 0), ` · timeout ${action.timeout_s} s`),
      fact('Next step due', timeCell(action.next_run_at)));
    const parts = [facts];
    if (action.reason) {
      parts.push(el('div', { class: 'reason' }, el('strong', {}, 'Reason: '), action.reason));
    }
    if (action.job_error) {
      parts.push(el('details', { class: 'json-block', open: isOpen('job-error', true), dataset: { block: 'job-error' } },
        el('summary', {}, 'Job error'), el('pre', {}, JSON.stringify(action.job_error, null, 2))));
    }
    const steps = action.steps || [];
    if (steps.length === 0) {
      parts.push(el('p', { class: 'muted' }, 'No steps reported by Job yet.'));
    }
    for (const step of steps) {
      parts.push(stepBlock(step, logState));
    }
    if (action.global_var_list) {
      parts.push(el('details', { class: 'json-block', open: isOpen('variables', false), dataset: { block: 'variables' } },
        el('summary', {}, 'Variables sent to Job'), el('pre', {}, JSON.stringify(action.global_var_list, null, 2))));
    }
    return el('div', { class: 'detail' }, parts);
  }

  function hostFailed(host) {
    return (host.exit_code != null && host.exit_code !== 0) || (host.status != null && host.status !== 9 && host.status !== 7
      && host.status !== 5);
  }

  function stepBlock(step, logState) {
    const hosts = step.hosts || [];
    const rows = [];
    hosts.forEach((host, i) => {
      const failed = hostFailed(host);
      const hostKey = `${step.step_instance_id}/${i}`;
      const hasLog = host.log != null;
      const logOpen = logState.has(hostKey) ? logState.get(hostKey) : failed;
      const logRow = el('tr', { class: 'log-row', dataset: { hostKey }, hidden: !(hasLog && logOpen) },
        el('td', { colspan: 7 },
          el('pre', { class: `log${failed ? ' log-failed' : ''}` }, host.log || ''),
          host.log_truncated ? el('p', { class: 'muted small' }, 'Log cut at bridge.job.max-log-bytes.') : null));
      const toggle = hasLog
        ? el('button', {
          type: 'button', class: 'btn btn-small btn-quiet log-toggle',
          onclick: (event) => {
            logRow.hidden = !logRow.hidden;
            event.currentTarget.textContent = logRow.hidden ? 'Show log' : 'Hide log';
          },
        }, logRow.hidden ? 'Show log' : 'Hide log')
        : el('span', { class: 'muted small' }, 'no log yet');
      rows.push(el('tr', { class: `host-row${failed ? ' failed' : ''}`, dataset: { ip: host.ip || '' } },
        el('td', { class: 'mono' }, host.ip || '–'),
        el('td', { class: 'num' }, host.bk_cloud_id ?? '–'),
        el('td', { class: 'num' }, host.bk_host_id ?? '–'),
        el('td', {}, el('span', { class: `host-status ${failed ? 'bad' : host.status === 9 ? 'good' : ''}` },
          host.status == null ? '–' : (HOST_STATUS[host.status] || `status ${host.status}`))),
        el('td', { class: 'num' }, host.exit_code ?? '–'),
        el('td', { class: 'num' }, host.error_code ?? '–'),
        el('td', {}, toggle)));
      rows.push(logRow);
    });
    return el('div', { class: 'step' },
      el('div', { class: 'step-head' },
        el('span', { class: 'step-name' }, step.name || `Step ${step.step_instance_id}`),
        el('span', { class: 'muted' }, STEP_TYPE[step.type] || `type ${step.type}`),
        el('span', { class: `step-status run-${step.status}` }, step.status == null ? 'status unknown'
          : (RUN_STATUS[step.status] || `status ${step.status}`))),
      hosts.length === 0 ? el('p', { class: 'muted' }, 'No hosts reported.') : el('table', { class: 'table hosts' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Host'), el('th', { class: 'num' }, 'Cloud'), el('th', { class: 'num' }, 'Host id'),
          el('th', {}, 'Result'), el('th', { class: 'num' }, 'Exit code'), el('th', { class: 'num' }, 'Error code'), el('th', {}, 'Log'))),
        el('tbody', {}, rows)));
  }

  // ---- Dead letters -----------------------------------------------------------------------------

  async function loadDeadLetters() {
    try {
      const body = await api(`/api/v1/dead-letters?limit=${DEAD_LETTER_LIMIT}`);
      showError('dead-letters-error', null);
      renderDeadLetters(body.dead_letters || []);
    } catch (e) {
      showError('dead-letters-error', `Could not load dead letters: ${e.message}`);
      throw e;
    }
  }

  function renderDeadLetters(letters) {
    const body = el('tbody');
    for (const letter of letters) {
      body.append(deadLetterRow(letter));
    }
    $('dead-letters-table').tBodies[0].replaceWith(body);
    $('dead-letters-empty').hidden = letters.length > 0;
    const waiting = letters.filter((d) => d.status === 'stored').length;
    // Only the newest letters are loaded: past the limit the count is a lower bound.
    $('total-dead-letters').textContent = letters.length >= DEAD_LETTER_LIMIT ? `${waiting}+` : String(waiting);
  }

  function deadLetterRow(letter) {
    const replayed = letter.status === 'replayed';
    const result = state.replayResults.get(letter.id);
    const button = el('button', {
      type: 'button', class: 'btn btn-small replay', disabled: replayed,
      title: replayed ? 'Replayed already' : 'Reopen the action and send the original message again',
      onclick: (event) => replay(letter, event.currentTarget),
    }, replayed ? 'Replayed' : 'Replay');
    const firstLine = (letter.error || '').split('\n')[0];
    return el('tr', { class: 'dead-letter-row', dataset: { deadLetterId: letter.id, status: letter.status } },
      el('td', {}, timeCell(letter.created_at)),
      el('td', { class: 'mono small', title: letter.action_id || '' }, letter.action_id || '–'),
      el('td', {}, letter.action_status || '–'),
      el('td', { class: 'mono small' }, letter.route_id || '–'),
      el('td', { class: 'error-cell' },
        el('details', {
          open: state.openLetterErrors.has(letter.id),
          ontoggle: (event) => {
            if (event.currentTarget.open) {
              state.openLetterErrors.add(letter.id);
            } else {
              state.openLetterErrors.delete(letter.id);
            }
          },
        }, el('summary', { title: firstLine }, firstLine || '(no message)'),
          el('pre', { class: 'log' }, letter.error || ''),
          letter.endpoint ? el('p', { class: 'small muted' }, `Endpoint: ${letter.endpoint}`) : null,
          letter.body ? el('p', { class: 'small muted' }, `Original message: ${letter.body}`) : null)),
      el('td', {}, el('span', { class: `badge badge-letter-${replayed ? 'replayed' : 'stored'}` }, letter.status),
        replayed && letter.replayed_at ? el('div', { class: 'small muted' }, formatTime(letter.replayed_at)) : null),
      el('td', { class: 'replay-cell' }, button,
        result ? el('div', { class: `replay-result ${result.ok ? 'ok' : 'bad'}`, role: 'status' }, result.text) : null));
  }

  async function replay(letter, button) {
    button.disabled = true;
    button.textContent = 'Replaying…';
    try {
      const answer = await api(`/api/v1/dead-letters/${encodeURIComponent(letter.id)}/replay`, { method: 'POST' });
      state.replayResults.set(letter.id, {
        ok: true, text: `Replayed at ${formatTime(answer.replayed_at)}: the action was reopened as ${answer.action_status || 'before'}.`,
      });
    } catch (e) {
      state.replayResults.set(letter.id, { ok: false, text: `Replay refused: ${e.message}` });
    }
    await Promise.allSettled([loadDeadLetters(), loadActions()]);
  }

  // ---- Charts -----------------------------------------------------------------------------------

  function legend(id, items) {
    $(id).replaceChildren(...items.map((s) => el('li', {}, el('span', { class: `swatch ${s.cls}` }), s.label)));
  }

  async function loadActionStats() {
    const stats = await api('/api/v1/stats/actions-per-minute');
    for (const key of ['received', 'success', 'failure', 'timeout', 'launch_unknown', 'skipped']) {
      $(`total-${key}`).textContent = String(stats.totals[key] ?? 0);
    }
    window.BridgeCharts.stackedBars($('chart-actions'), {
      minutes: stats.minutes, series: OUTCOME_SERIES, line: RECEIVED_LINE,
      label: 'Actions per minute over the last 60 minutes, by outcome',
      emptyText: 'No actions in the last 60 minutes',
    });
    legend('legend-actions', [...OUTCOME_SERIES, RECEIVED_LINE]);
    const rows = (stats.by_action || []).slice(0, BY_ACTION_ROWS).map((a) => el('tr', {},
      el('td', {}, el('button', {
        type: 'button', class: 'link-button', title: 'Show only this action in the list',
        onclick: () => {
          $('filter-name').value = a.action_name;
          onFiltersChanged();
          $('actions-section').scrollIntoView({ behavior: 'smooth', block: 'start' });
        },
      }, a.action_name)),
      el('td', { class: 'num' }, String(a.ended)),
      ...OUTCOME_SERIES.map((o) => el('td', { class: `num${a[o.key] > 0 ? ` count-${o.key}` : ' muted'}` }, String(a[o.key] || 0)))));
    if (rows.length === 0) {
      rows.push(el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No action ended in the last 60 minutes.')));
    }
    $('by-action-table').tBodies[0].replaceChildren(...rows);
  }

  /** The calls of an API that did not answer ok (refused, throttled, lost), or nothing when all did. */
  function notOk(outcomes) {
    const text = Object.entries(outcomes || {}).filter(([outcome]) => outcome !== 'ok')
      .map(([outcome, calls]) => `${outcome.replace('_', ' ')} ${calls}`).join(', ');
    return text ? el('div', { class: 'small not-ok' }, text) : null;
  }

  async function loadLatency() {
    const stats = await api('/api/v1/stats/job-api-latency');
    window.BridgeCharts.lines($('chart-latency'), {
      minutes: stats.minutes, series: LATENCY_SERIES, unit: 'ms',
      label: 'Job API latency per minute over the last 60 minutes',
      emptyText: stats.available ? 'No data: no Job API call in the last 60 minutes' : 'No data: no metrics registry',
      describe: (m) => `mean ${formatMs(m.mean_ms)}, p95 ${formatMs(m.p95_ms)}, ${m.calls} call${m.calls === 1 ? '' : 's'}`,
    });
    legend('legend-latency', LATENCY_SERIES);
    const rows = stats.apis.map((a) => el('tr', { dataset: { api: a.api } },
      el('td', {}, el('div', { class: 'mono' }, a.api), notOk(a.outcomes)),
      el('td', { class: 'num' }, String(a.count)),
      el('td', { class: 'num' }, formatMs(a.mean_ms)),
      el('td', { class: 'num' }, formatMs(a.p50_ms)),
      el('td', { class: 'num' }, formatMs(a.p95_ms)),
      el('td', { class: 'num' }, formatMs(a.recent_max_ms))));
    if (rows.length === 0) {
      rows.push(el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No data: no Job API call since the bridge started.')));
    }
    $('latency-table').tBodies[0].replaceChildren(...rows);
  }

  // ---- Refresh ----------------------------------------------------------------------------------

  async function refreshAll() {
    if (state.refreshing) {
      return state.refreshing;
    }
    state.refreshing = (async () => {
      const results = await Promise.allSettled([loadActions(), loadDeadLetters(), loadActionStats(), loadLatency()]);
      const failed = results.filter((r) => r.status === 'rejected');
      const connection = $('connection');
      if (failed.length === 0) {
        connection.textContent = 'Live';
        connection.className = 'connection live';
        const now = new Date();
        $('last-updated').textContent = `updated ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
      } else {
        connection.textContent = `Bridge unreachable or failing: ${failed[0].reason.message}`;
        connection.className = 'connection down';
      }
    })();
    try {
      await state.refreshing;
    } finally {
      state.refreshing = null;
    }
    return undefined;
  }

  function refreshActionsOnly() {
    loadActions().catch(() => { /* the banner above the table says what failed */ });
  }

  function scheduleRefresh() {
    clearTimeout(state.timer);
    if ($('auto-refresh').checked) {
      state.timer = setTimeout(async () => {
        // A hidden tab asks nothing of the bridge; it catches up when shown again.
        if (!document.hidden) {
          await refreshAll();
        }
        scheduleRefresh();
      }, REFRESH_MS);
    }
  }

  function debounce(fn, ms) {
    let t = null;
    return () => {
      clearTimeout(t);
      t = setTimeout(fn, ms);
    };
  }

  function onFiltersChanged() {
    saveFiltersInAddress();
    refreshActionsOnly();
  }

  function start() {
    loadFiltersFromAddress();
    $('filters').addEventListener('submit', (e) => e.preventDefault());
    $('filter-status').addEventListener('change', onFiltersChanged);
    const typed = debounce(onFiltersChanged, 250);
    $('filter-name').addEventListener('input', typed);
    $('filter-alert').addEventListener('input', typed);
    $('filter-clear').addEventListener('click', () => {
      $('filter-status').value = '';
      $('filter-name').value = '';
      $('filter-alert').value = '';
      onFiltersChanged();
    });
    $('auto-refresh').addEventListener('change', scheduleRefresh);
    $('refresh-now').addEventListener('click', () => refreshAll());
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) {
        refreshAll();
      }
    });
    refreshAll().then(scheduleRefresh);
  }

  start();
})();
