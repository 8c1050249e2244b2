// The lead's dashboard: reads /dashboard/api/report for the chosen period and filters and draws it.
// Data only reaches the page as text nodes (see tables.js), never as HTML.
import {
  drawBacklog,
  drawCsat,
  drawFunnel,
  drawResolutionRates,
  drawSla,
  drawnCharts,
} from './charts.js';
import { clockTime } from './clock.js';
import { applyPreset, reportQuery, restoreControls, todayIn } from './period.js';
import { renderKpis, renderTables } from './tables.js';

const form = document.getElementById('filters');
const status = document.getElementById('status');
const problem = document.getElementById('problem');
let timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
let latest = 0;

async function getJson(url) {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (res.status === 401) {
    window.location.assign('/dashboard/login');
    throw new Error('logged out');
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const detail = (body.problems ?? []).map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new Error(`${body.error ?? res.statusText}${detail ? ` (${detail})` : ''}`);
  }
  return body;
}

async function load() {
  if (!form.reportValidity()) return;
  const query = reportQuery(form);
  const mine = ++latest;
  status.textContent = 'loading…';
  window.history.replaceState(null, '', `/dashboard?${query}`);
  try {
    const report = await getJson(`/dashboard/api/report?${query}`);
    if (mine !== latest) return; // a newer request is on its way
    problem.hidden = true;
    draw(report);
    status.textContent = `updated ${clockTime(report.generatedAt, timeZone)}`;
    document.body.dataset.loaded = String(mine);
  } catch (error) {
    if (mine !== latest) return;
    problem.textContent = `The report could not be loaded: ${error.message}`;
    problem.hidden = false;
    status.textContent = 'not updated';
  }
}

function draw(report) {
  renderKpis(document.getElementById('kpis'), report);
  renderTables(report);
  drawFunnel(report);
  drawResolutionRates(report);
  drawSla(report);
  drawCsat(report);
  drawBacklog(report);
  const notes = document.getElementById('notes');
  notes.textContent = (report.notes ?? []).join(' ');
  notes.hidden = !notes.textContent;
  const band = report.l1Target;
  document.getElementById('l1-band').textContent =
    `Resolved / (resolved + escalated) at each level; L1's target band ` +
    `${Math.round(band.low * 100)}–${Math.round(band.high * 100)}% shaded`;
}

form.addEventListener('change', (event) => {
  if (event.target === form.preset) applyPreset(form, todayIn(timeZone));
  else if (event.target === form.from || event.target === form.to) form.preset.value = 'custom';
  void load();
});
form.addEventListener('submit', (event) => event.preventDefault());

async function start() {
  try {
    const session = await getJson('/dashboard/api/session');
    timeZone = session.timeZone || timeZone;
    document.getElementById('logout').hidden = session.access !== 'token';
  } catch (error) {
    problem.textContent = `The dashboard could not start: ${error.message}`;
    problem.hidden = false;
    return;
  }
  restoreControls(form, window.location.search, todayIn(timeZone));
  await load();
}

window.lapisDashboard = { charts: drawnCharts, reload: load };
void start();
