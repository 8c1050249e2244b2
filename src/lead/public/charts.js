// Chart.js (the UMD build, window.Chart) configurations for each panel, drawn from the report.
const { Chart } = window;

const MUTED = '#5f6b7a';
const GRID = '#eceff3';
const LEVEL_COLORS = ['#36599a', '#5b8bd0', '#7a5ea8', '#b0598f'];
const PRIORITY_COLORS = { P1: '#a8463f', P2: '#d0803c', P3: '#d8b44a', P4: '#8a94a3' };
const AGE_BANDS = [
  ['under1d', 'under 1 day', '#3f7d5a'],
  ['d1to3', '1–3 days', '#9bbf5a'],
  ['d3to7', '3–7 days', '#d8b44a'],
  ['over7d', 'over 7 days', '#a8463f'],
];

Chart.defaults.color = MUTED;
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.animation = false;

/**
 * Shades the target band [low, high] behind the bar of the category it is for (`index`), so the
 * other bars are not read against it (a plugin object: no inline script).
 */
const targetBand = {
  id: 'targetBand',
  beforeDatasetsDraw(chart, _args, options) {
    if (options.low === undefined || options.high === undefined) return;
    const { ctx, chartArea, scales } = chart;
    const slot = (chartArea.right - chartArea.left) / chart.data.labels.length;
    const left = scales.x.getPixelForValue(options.index ?? 0) - slot / 2;
    const right = left + slot;
    const top = scales.y.getPixelForValue(options.high * 100);
    const bottom = scales.y.getPixelForValue(options.low * 100);
    ctx.save();
    ctx.fillStyle = 'rgba(63, 125, 90, 0.14)';
    ctx.fillRect(left, top, right - left, bottom - top);
    ctx.strokeStyle = 'rgba(63, 125, 90, 0.6)';
    ctx.setLineDash([4, 4]);
    for (const y of [top, bottom]) {
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(right, y);
      ctx.stroke();
    }
    ctx.restore();
  },
};

const charts = new Map();

/** Draws a chart on the canvas, or updates the one already there. */
function draw(id, config) {
  const canvas = document.getElementById(id);
  const existing = charts.get(id);
  if (existing) {
    existing.data = config.data;
    existing.options = config.options;
    existing.update();
    return existing;
  }
  const chart = new Chart(canvas, config);
  charts.set(id, chart);
  return chart;
}

const grid = { color: GRID };
const levelOf = (report, level) => report.levels.find((l) => l.level === level);

export function drawFunnel(report) {
  const received = [1, 2, 3].map((level) => levelOf(report, level)?.received ?? 0);
  draw('chart-funnel', {
    type: 'bar',
    data: {
      labels: ['L0 questions', 'L1 tickets', 'L2 tickets', 'L3 tickets'],
      datasets: [
        {
          label: 'Reached this tier',
          data: [report.l0.questions, ...received],
          backgroundColor: LEVEL_COLORS,
          borderRadius: 4,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            afterLabel: (item) =>
              item.dataIndex === 0 ? `solved at L0: ${report.l0.confirmedSolved}` : '',
          },
        },
      },
      scales: {
        x: { beginAtZero: true, grid, ticks: { precision: 0 } },
        y: { grid: { display: false } },
      },
    },
  });
}

/** Each level's resolution rate; L1's bar stands in L1's target band. */
export function drawResolutionRates(report) {
  const { low, high } = report.l1Target;
  const rates = [1, 2, 3].map((level) => {
    const rate = levelOf(report, level)?.resolutionRate;
    return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
  });
  draw('chart-resolution', {
    type: 'bar',
    data: {
      labels: ['L1', 'L2', 'L3'],
      datasets: [
        {
          label: 'Resolved at this level (%)',
          data: rates,
          backgroundColor: LEVEL_COLORS.slice(1),
          borderRadius: 4,
        },
      ],
    },
    options: {
      plugins: {
        legend: { display: false },
        targetBand: { low, high, index: 0 },
        tooltip: { callbacks: { label: (item) => `${item.formattedValue}% resolved` } },
      },
      scales: {
        y: { min: 0, max: 100, grid, ticks: { callback: (v) => `${v}%` } },
        x: { grid: { display: false } },
      },
    },
    plugins: [targetBand],
  });
}

export function drawSla(report) {
  const priorities = ['P1', 'P2', 'P3', 'P4'];
  const count = (level, priority) =>
    report.sla.breaches
      .filter((b) => b.level === level && b.priority === priority)
      .reduce((sum, b) => sum + b.count, 0);
  draw('chart-sla', {
    type: 'bar',
    data: {
      labels: ['L1', 'L2', 'L3'],
      datasets: priorities.map((priority) => ({
        label: priority,
        data: [1, 2, 3].map((level) => count(level, priority)),
        backgroundColor: PRIORITY_COLORS[priority],
      })),
    },
    options: {
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: { stacked: true, beginAtZero: true, grid, ticks: { precision: 0 } },
      },
    },
  });
}

function wholeRatings(axis) {
  axis.ticks = [1, 2, 3, 4, 5].map((value) => ({ value }));
}

export function drawCsat(report) {
  const trend = report.csat.trend;
  draw('chart-csat', {
    type: 'line',
    data: {
      labels: trend.map((p) => p.day),
      datasets: [
        {
          label: 'Average rating',
          data: trend.map((p) => p.average),
          borderColor: LEVEL_COLORS[0],
          backgroundColor: 'rgba(54, 89, 154, 0.15)',
          fill: true,
          tension: 0.25,
          yAxisID: 'y',
        },
        {
          type: 'bar',
          label: 'Ratings',
          data: trend.map((p) => p.count),
          backgroundColor: 'rgba(138, 148, 163, 0.35)',
          yAxisID: 'count',
        },
      ],
    },
    options: {
      scales: {
        // A quarter point of room beyond 1 and 5, so a day rated all 5s (or all 1s) is not cut
        // off at the chart's edge; the ticks stay on the whole ratings.
        y: { min: 0.75, max: 5.25, grid, afterBuildTicks: wholeRatings },
        count: {
          position: 'right',
          beginAtZero: true,
          grid: { display: false },
          ticks: { precision: 0 },
        },
        x: { grid: { display: false } },
      },
    },
  });
}

export function drawBacklog(report) {
  const byLevel = (level) => report.backlog.find((b) => b.level === level);
  draw('chart-backlog', {
    type: 'bar',
    data: {
      labels: ['L1', 'L2', 'L3'],
      datasets: AGE_BANDS.map(([key, label, color]) => ({
        label,
        data: [1, 2, 3].map((level) => byLevel(level)?.byAge[key] ?? 0),
        backgroundColor: color,
      })),
    },
    options: {
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: { stacked: true, beginAtZero: true, grid, ticks: { precision: 0 } },
      },
    },
  });
}

/** For tests and the curious: the charts on the page by canvas id. */
export function drawnCharts() {
  return charts;
}
