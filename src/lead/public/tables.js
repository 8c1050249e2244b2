// The key figures and the knowledge-gap tables, built from text nodes only.

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') el.className = value;
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat())
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

const percent = (rate) =>
  rate === null || rate === undefined ? '–' : `${Math.round(rate * 100)}%`;
const STATUS_TEXT = {
  below: 'below target',
  within: 'within target',
  above: 'above target',
  no_data: 'no data',
};

function average(levels) {
  const rated = levels.filter((l) => l.csat.count > 0);
  const count = rated.reduce((n, l) => n + l.csat.count, 0);
  if (!count) return '–';
  return (rated.reduce((s, l) => s + l.csat.average * l.csat.count, 0) / count).toFixed(1);
}

export function renderKpis(container, report) {
  const sum = (items, pick) => items.reduce((n, item) => n + pick(item), 0);
  const l1 = report.l1Target;
  const kpis = [
    ['IT questions', report.l0.questions, `${report.l0.confirmedSolved} solved at L0`],
    [
      'L0 deflection',
      percent(report.l0.deflectionRate),
      `${report.l0.ticketsOpened} tickets opened`,
    ],
    ['L1 resolution', percent(l1.rate), STATUS_TEXT[l1.status] ?? l1.status, `status-${l1.status}`],
    [
      'SLA breaches',
      sum(report.sla.breaches, (b) => b.count),
      `${sum(report.sla.warnings, (w) => w.count)} warnings`,
    ],
    ['CSAT', average(report.levels), `${sum(report.levels, (l) => l.csat.count)} ratings`],
    [
      'Backlog',
      sum(report.backlog, (b) => b.total),
      `${sum(report.backlog, (b) => b.byAge.over7d)} older than 7 days`,
    ],
  ];
  container.replaceChildren(
    ...kpis.map(([label, value, note, extra]) =>
      h(
        'div',
        { class: `kpi ${extra ?? ''}`.trim() },
        h('div', { class: 'kpi-label' }, label),
        h('div', { class: 'kpi-value' }, String(value)),
        h('div', { class: 'kpi-note' }, note),
      ),
    ),
  );
}

function emptyRow(columns, text) {
  return h('tr', { class: 'empty' }, h('td', { colspan: columns }, text));
}

export function renderTables(report) {
  const gaps = report.gaps.groups.slice(0, 20);
  document.querySelector('#gaps tbody').replaceChildren(
    ...(gaps.length
      ? gaps.map((g) =>
          h(
            'tr',
            {},
            h('td', { class: 'num' }, g.count),
            h(
              'td',
              {},
              Object.entries(g.languages)
                .map(([lang, n]) => `${lang} ${n}`)
                .join(', '),
            ),
            h(
              'td',
              {},
              h('ul', { class: 'examples' }, ...g.examples.slice(0, 3).map((e) => h('li', {}, e))),
            ),
            h('td', {}, g.drafts.length ? g.drafts.join(', ') : '–'),
          ),
        )
      : [emptyRow(4, 'No knowledge gaps in this period.')]),
  );
  const weak = report.gaps.weakArticles;
  document
    .querySelector('#weak tbody')
    .replaceChildren(
      ...(weak.length
        ? weak.map((a) =>
            h(
              'tr',
              {},
              h('td', {}, a.id),
              h('td', { class: 'num' }, a.shown),
              h('td', { class: 'num' }, percent(a.solveRate)),
            ),
          )
        : [emptyRow(3, 'No article stands out.')]),
    );
}
