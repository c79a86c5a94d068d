// Small SVG charts for the status page: stacked bars per minute and lines per minute. No library:
// the page is served as is, with no build step and no network beyond the bridge. Every text that
// goes into a chart is set with textContent.
'use strict';

window.BridgeCharts = (() => {
  const SVG = 'http://www.w3.org/2000/svg';
  const WIDTH = 640;
  const HEIGHT = 220;
  const MARGIN = { top: 12, right: 12, bottom: 26, left: 44 };
  const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
  const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      node.setAttribute(k, String(v));
    }
    if (text != null) {
      node.textContent = text;
    }
    return node;
  }

  /** A round top for the y axis and 4 or 5 ticks up to it (1, 2 or 5 times a power of ten apart). */
  function niceScale(max) {
    if (!(max > 0)) {
      return { top: 1, step: 0.25 };
    }
    const rough = max / 4;
    const magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough);
    return { top: Math.ceil(max / step) * step, step };
  }

  function hhmm(date) {
    return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
  }

  function formatTick(value, unit) {
    const rounded = Math.abs(value) >= 10 || Number.isInteger(value) ? Math.round(value) : Number(value.toFixed(2));
    if (unit === 'ms' && value >= 1000) {
      return `${Number((value / 1000).toFixed(1))} s`;
    }
    return unit ? `${rounded} ${unit}` : String(rounded);
  }

  /** The frame shared by both charts: grid lines, y labels, and a time label every 10 minutes. */
  function frame(minutes, scale, unit, label) {
    const svg = svgEl('svg', {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart-svg', role: 'img', 'aria-label': label,
    });
    svg.append(svgEl('title', {}, label));
    const grid = svgEl('g', { class: 'grid' });
    for (let v = 0; v <= scale.top + scale.step / 2; v += scale.step) {
      const y = MARGIN.top + PLOT_H - (v / scale.top) * PLOT_H;
      grid.append(svgEl('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y, y2: y }));
      grid.append(svgEl('text', { x: MARGIN.left - 6, y: y + 3.5, class: 'axis-label', 'text-anchor': 'end' },
        formatTick(v, unit)));
    }
    svg.append(grid);
    const axis = svgEl('g', { class: 'x-axis' });
    const band = PLOT_W / minutes.length;
    minutes.forEach((m, i) => {
      const date = new Date(m.start);
      if (date.getMinutes() % 10 === 0) {
        const x = MARGIN.left + band * (i + 0.5);
        axis.append(svgEl('line', { x1: x, x2: x, y1: MARGIN.top + PLOT_H, y2: MARGIN.top + PLOT_H + 4 }));
        axis.append(svgEl('text', { x, y: HEIGHT - 8, class: 'axis-label', 'text-anchor': 'middle' }, hhmm(date)));
      }
    });
    axis.append(svgEl('line', {
      x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: MARGIN.top + PLOT_H, y2: MARGIN.top + PLOT_H, class: 'baseline',
    }));
    svg.append(axis);
    return { svg, band };
  }

  function emptyNote(svg, text) {
    svg.append(svgEl('text', {
      x: MARGIN.left + PLOT_W / 2, y: MARGIN.top + PLOT_H / 2, class: 'chart-empty-text', 'text-anchor': 'middle',
    }, text));
  }

  function yOf(value, scale) {
    return MARGIN.top + PLOT_H - (value / scale.top) * PLOT_H;
  }

  /**
   * Stacked bars, one per minute, with an optional line on top.
   * spec: {minutes: [{start, ...counts}], series: [{key, label, cls}], line: {key, label, cls}, label, emptyText}
   */
  function stackedBars(container, spec) {
    const { minutes, series, line } = spec;
    const totals = minutes.map((m) => series.reduce((sum, s) => sum + (m[s.key] || 0), 0));
    const lineMax = line ? Math.max(0, ...minutes.map((m) => m[line.key] || 0)) : 0;
    const scale = niceScale(Math.max(0, ...totals, lineMax));
    const { svg, band } = frame(minutes, scale, '', spec.label);
    const barWidth = Math.max(2, band * 0.72);
    const bars = svgEl('g', { class: 'bars' });
    minutes.forEach((m, i) => {
      const column = svgEl('g', { class: 'column' });
      const x = MARGIN.left + band * i + (band - barWidth) / 2;
      let base = 0;
      for (const s of series) {
        const value = m[s.key] || 0;
        if (value > 0) {
          const y0 = yOf(base, scale);
          const y1 = yOf(base + value, scale);
          column.append(svgEl('rect', {
            x, y: y1, width: barWidth, height: Math.max(1, y0 - y1), class: `bar ${s.cls}`, 'data-series': s.key,
          }));
          base += value;
        }
      }
      // A full-height hover target so the tooltip works on empty minutes too.
      const hover = svgEl('rect', { x: MARGIN.left + band * i, y: MARGIN.top, width: band, height: PLOT_H, class: 'hover' });
      const parts = series.map((s) => `${s.label} ${m[s.key] || 0}`);
      if (line) {
        parts.unshift(`${line.label} ${m[line.key] || 0}`);
      }
      hover.append(svgEl('title', {}, `${hhmm(new Date(m.start))}: ${parts.join(', ')}`));
      column.append(hover);
      bars.append(column);
    });
    svg.append(bars);
    if (line) {
      const points = minutes.map((m, i) => `${MARGIN.left + band * (i + 0.5)},${yOf(m[line.key] || 0, scale)}`);
      svg.append(svgEl('polyline', { points: points.join(' '), class: `line ${line.cls}` }));
    }
    if (Math.max(0, ...totals, lineMax) === 0) {
      emptyNote(svg, spec.emptyText);
    }
    container.replaceChildren(svg);
  }

  /**
   * Lines over the minutes; a null value is a gap (a minute with no call), never a zero.
   * spec: {minutes, series: [{key, label, cls}], unit, label, emptyText, describe(minute) -> tooltip text}
   */
  function lines(container, spec) {
    const { minutes, series } = spec;
    const values = minutes.flatMap((m) => series.map((s) => m[s.key])).filter((v) => v != null);
    const scale = niceScale(Math.max(0, ...values));
    const { svg, band } = frame(minutes, scale, spec.unit, spec.label);
    for (const s of series) {
      const group = svgEl('g', { class: `series ${s.cls}`, 'data-series': s.key });
      let segment = [];
      const flush = () => {
        if (segment.length > 1) {
          group.append(svgEl('polyline', { points: segment.join(' '), class: 'line' }));
        }
        segment = [];
      };
      minutes.forEach((m, i) => {
        const v = m[s.key];
        if (v == null) {
          flush();
          return;
        }
        const x = MARGIN.left + band * (i + 0.5);
        const y = yOf(v, scale);
        segment.push(`${x},${y}`);
        const dot = svgEl('circle', { cx: x, cy: y, r: 3, class: 'point' });
        dot.append(svgEl('title', {}, `${hhmm(new Date(m.start))}: ${spec.describe(m)}`));
        group.append(dot);
      });
      flush();
      svg.append(group);
    }
    if (values.length === 0) {
      emptyNote(svg, spec.emptyText);
    }
    container.replaceChildren(svg);
  }

  return { stackedBars, lines };
})();
