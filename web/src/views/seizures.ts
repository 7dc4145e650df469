// The Seizures screen: a map of seizure points, Gi* hotspots and the route network; monthly trends
// by drug with anomaly months; chokepoints; the interdiction planner; links to the bulletin. Real
// and synthetic records are never shown together, and synthetic ones are labelled wherever shown.
import { apiUrl, getJson } from '../api';
import { h } from '../dom';
import { formatDecimal, formatInteger, formatShare, unknownText } from '../format';
import {
  apiFilterParams,
  bulletinPeriod,
  defaultSynthetic,
  findNode,
  isPartialDate,
  isPeriod,
  legChanges,
  nodeIdName,
  splitPeriods,
  legValue,
  located,
  normalizeNetwork,
  normalizePlan,
  plannerParams,
  samplePages,
  seizureQueryText,
  trendSeries,
  type Network,
  type SeizureFilter,
} from '../narcotics';
import type { Hotspots, Interdiction, RouteNetwork, Seizure, SeizureStats, Trends } from '../narcotics-types';
import type { Paged } from '../types';
import { MARKING_COLOURS, highestMarking, markingKey } from '../marking';
import { dataTable, deferred, errorBox, section, type Ctx } from '../components/common';
import { drugName, formatKg, syntheticBanner, syntheticTag } from '../components/narcotics-format';
import { seizureMap, type SeizureMap } from '../components/seizure-map';
import { trendCharts } from '../components/trend-charts';

// The routes of /api/v1/narcotics/ this screen reads.
export const NARCOTICS_PATHS = {
  seizures: '/narcotics/seizures',
  stats: '/narcotics/stats',
  hotspots: '/narcotics/hotspots',
  trends: '/narcotics/trends',
  routes: '/narcotics/routes',
  interdiction: '/narcotics/interdiction',
  bulletin: '/narcotics/bulletin',
};

// The map shows at most MAX_POINT_PAGES pages of PAGE_SIZE seizures (docs in samplePages).
const PAGE_SIZE = 500;
const MAX_POINT_PAGES = 4;
// Gi* cells asked for, highest z first: enough for every significant hot cell of a national grid.
const HOTSPOT_CELLS = 1000;
const LEGS_LISTED = 15;

function seizuresHash(filter: SeizureFilter): string {
  const text = seizureQueryText(filter);
  return `#/seizures${text ? `?${text}` : ''}`;
}

function filterForm(filter: SeizureFilter, stats: SeizureStats, ctx: Ctx): HTMLElement {
  const drugs = [...new Set(stats.rows.map((r) => r.drug))].sort((a, b) => drugName(a, ctx).localeCompare(drugName(b, ctx), ctx.lang));
  const dateInput = (name: 'from' | 'to', value: string | null): HTMLInputElement =>
    h('input', { type: 'text', name, id: `filter-${name}`, value: value ?? '', placeholder: ctx.t('seizures.datePlaceholder'), inputmode: 'numeric', size: 11, 'data-testid': `filter-${name}` });
  const from = dateInput('from', filter.from);
  const to = dateInput('to', filter.to);
  const drug = h('select', { name: 'drug', id: 'filter-drug', 'data-testid': 'filter-drug' },
    h('option', { value: '' }, ctx.t('seizures.allDrugs')),
    drugs.map((d) => h('option', { value: d, selected: d === filter.drug }, drugName(d, ctx))));
  const kind = h('select', { name: 'synthetic', id: 'filter-kind', 'data-testid': 'filter-kind' },
    h('option', { value: 'false', selected: filter.synthetic === false, disabled: stats.real_rows === 0 },
      ctx.t('seizures.kindReal', { n: formatInteger(stats.real_rows, ctx.lang) })),
    h('option', { value: 'true', selected: filter.synthetic === true, disabled: stats.synthetic_rows === 0 },
      ctx.t('seizures.kindSynthetic', { n: formatInteger(stats.synthetic_rows, ctx.lang) })));
  const measure = h('select', { name: 'measure', id: 'filter-measure', 'data-testid': 'filter-measure' },
    h('option', { value: 'seizures', selected: filter.measure === 'seizures' }, ctx.t('seizures.measureSeizures')),
    h('option', { value: 'kg', selected: filter.measure === 'kg' }, ctx.t('seizures.measureKg')));
  const message = h('p', { class: 'form-problem', role: 'alert', 'data-testid': 'filter-problem' });
  const field = (label: string, control: HTMLElement, id: string): HTMLElement =>
    h('div', { class: 'field' }, h('label', { for: id }, label), control);
  const form = h('form', { class: 'filter-form', 'data-testid': 'seizure-filters' },
    field(ctx.t('seizures.from'), from, 'filter-from'),
    field(ctx.t('seizures.to'), to, 'filter-to'),
    field(ctx.t('seizures.drug'), drug, 'filter-drug'),
    field(ctx.t('seizures.kind'), kind, 'filter-kind'),
    field(ctx.t('seizures.measure'), measure, 'filter-measure'),
    h('div', { class: 'field' }, h('button', { type: 'submit', 'data-testid': 'filter-apply' }, ctx.t('seizures.apply'))),
    message);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const bad = [from, to].find((input) => input.value.trim() !== '' && !isPartialDate(input.value.trim()));
    for (const input of [from, to]) input.setAttribute('aria-invalid', input === bad ? 'true' : 'false');
    if (bad) {
      message.textContent = ctx.t('seizures.badDate', { value: bad.value.trim() });
      bad.focus();
      return;
    }
    message.textContent = '';
    location.hash = seizuresHash({
      from: from.value.trim() || null,
      to: to.value.trim() || null,
      drug: drug.value || null,
      synthetic: kind.value === 'true',
      measure: measure.value === 'kg' ? 'kg' : 'seizures',
    });
  });
  return form;
}

async function loadPoints(params: Record<string, string>): Promise<{ points: Seizure[]; total: number; pages: number[]; markings: Array<string | undefined> }> {
  const first = await getJson<Paged<Seizure>>(NARCOTICS_PATHS.seizures, { ...params, page: 1, page_size: PAGE_SIZE });
  const pages = samplePages(first.total, PAGE_SIZE, MAX_POINT_PAGES);
  const rest = await Promise.all(pages.filter((p) => p !== 1).map((page) =>
    getJson<Paged<Seizure>>(NARCOTICS_PATHS.seizures, { ...params, page, page_size: PAGE_SIZE })));
  const points = [...(pages.includes(1) ? first.items : []), ...rest.flatMap((answer) => answer.items)];
  // Each page says the highest marking of its records; the points shown are those pages'.
  const markings = [...(pages.includes(1) ? [first.marking] : []), ...rest.map((answer) => answer.marking)];
  return { points, total: first.total, pages, markings };
}

// Every leg and chokepoint (top=0): the network has one node per place or country, so it stays small.
function loadNetwork(params: Record<string, string>): Promise<Network> {
  return getJson<RouteNetwork>(NARCOTICS_PATHS.routes, { ...params, top: 0 }).then(normalizeNetwork);
}

function layerError(title: string, error: unknown, ctx: Ctx): HTMLElement {
  return h('div', { class: 'layer-error' }, h('h3', null, title), errorBox(error, ctx));
}

async function mapContent(filter: SeizureFilter, ctx: Ctx, ready: (map: SeizureMap) => void): Promise<Node> {
  const params = apiFilterParams(filter);
  const [points, hotspots, rawNetwork] = await Promise.allSettled([
    loadPoints(params),
    getJson<Hotspots>(NARCOTICS_PATHS.hotspots, { ...params, top: HOTSPOT_CELLS, weight: filter.measure === 'kg' ? 'kg' : 'count' }),
    getJson<RouteNetwork>(NARCOTICS_PATHS.routes, { ...params, top: 0 }),
  ]);
  const network = rawNetwork.status === 'fulfilled'
    ? { status: 'fulfilled' as const, value: normalizeNetwork(rawNetwork.value) }
    : rawNetwork;
  // The highest marking of what the map draws: the point pages, the hotspot cells, the network.
  const marking = highestMarking([
    ...(points.status === 'fulfilled' ? points.value.markings : []),
    hotspots.status === 'fulfilled' ? hotspots.value.marking : undefined,
    rawNetwork.status === 'fulfilled' ? rawNetwork.value.marking : undefined,
  ]);
  const banner = h('p', {
    class: `marking-banner marking-${marking}`, role: 'note', 'data-testid': 'map-marking-banner', 'data-marking': marking,
    style: `background:${MARKING_COLOURS[marking].fill};color:${MARKING_COLOURS[marking].text}`,
  }, ctx.t('seizures.markingBanner', { marking: ctx.t(markingKey(marking)).toLocaleUpperCase(ctx.lang) }));
  const map = await seizureMap({
    points: points.status === 'fulfilled' ? points.value.points : null,
    hotspots: hotspots.status === 'fulfilled' ? hotspots.value : null,
    network: network.status === 'fulfilled' ? network.value : null,
    measure: filter.measure,
    synthetic: filter.synthetic === true,
  }, ctx);
  ready(map);
  const notes: Array<Node | null> = [];
  if (points.status === 'fulfilled') {
    const { points: shown, total, pages } = points.value;
    const withoutCoordinates = shown.filter((p) => p.lat === null || p.lon === null).length;
    notes.push(h('p', { 'data-testid': 'points-note' }, shown.length >= total
      ? ctx.t('seizures.pointsAll', { n: formatInteger(total, ctx.lang) })
      : ctx.t('seizures.pointsSample', {
        shown: formatInteger(shown.length, ctx.lang),
        total: formatInteger(total, ctx.lang),
        pages: formatInteger(pages.length, ctx.lang),
        size: formatInteger(PAGE_SIZE, ctx.lang),
      }),
    withoutCoordinates > 0 ? ` ${ctx.t('seizures.pointsWithoutCoordinates', { n: formatInteger(withoutCoordinates, ctx.lang) })}` : ''));
  } else {
    notes.push(layerError(ctx.t('seizures.layerPoints'), points.reason, ctx));
  }
  if (hotspots.status === 'fulfilled') {
    const report = hotspots.value;
    notes.push(h('p', { 'data-testid': 'hotspots-note' }, ctx.t('seizures.hotspotsNote', {
      matched: formatInteger(report.rows_matched, ctx.lang),
      without: formatInteger(report.rows_without_coordinates, ctx.lang),
      cells: formatInteger(report.cells.length, ctx.lang),
      rows: formatInteger(report.grid_rows, ctx.lang),
      cols: formatInteger(report.grid_cols, ctx.lang),
    })));
  } else {
    notes.push(layerError(ctx.t('seizures.layerHotspots'), hotspots.reason, ctx));
  }
  if (network.status === 'rejected') notes.push(layerError(ctx.t('seizures.layerNetwork'), network.reason, ctx));
  return h('div', null, banner, map.element, notes);
}

async function trendsContent(filter: SeizureFilter, ctx: Ctx): Promise<Node> {
  const trends = await getJson<Trends>(NARCOTICS_PATHS.trends, { ...apiFilterParams(filter), by: 'drug' });
  const series = trendSeries(trends.months, filter.measure);
  if (series.length === 0 && trends.year_only.length === 0) return h('p', { class: 'empty' }, ctx.t('seizures.noneMatch'));
  const rule = trends.anomaly_rule;
  return h('div', null,
    h('p', { class: 'explain' }, ctx.t('seizures.anomalyRule', {
      threshold: formatDecimal(rule.threshold, 1, ctx.lang),
      baseline: formatInteger(rule.baseline_months, ctx.lang),
      history: formatInteger(rule.min_history_months, ctx.lang),
    })),
    h('ul', { class: 'series-legend', 'aria-hidden': 'true' },
      h('li', null, h('span', { class: 'swatch', style: 'background:#5b7fa6' }), ctx.t(filter.measure === 'kg' ? 'seizures.measureKg' : 'seizures.measureSeizures')),
      h('li', null, h('span', { class: 'swatch', style: 'background:#c2261e' }), ctx.t('seizures.anomaly'))),
    trendCharts(series, filter.measure, ctx),
    trends.year_only.length === 0 ? null : h('div', null,
      h('h3', null, ctx.t('seizures.yearOnlyTitle')),
      dataTable(null, [
        { header: ctx.t('seizures.drug'), cell: (r) => drugName(r.group, ctx), rowHeader: true },
        { header: ctx.t('col.year'), cell: (r) => String(r.year) },
        { header: ctx.t('seizures.measureSeizures'), cell: (r) => formatInteger(r.count, ctx.lang), className: 'num' },
        { header: ctx.t('seizures.measureKg'), cell: (r) => formatKg(r.kg, ctx.lang), className: 'num' },
      ], trends.year_only)));
}

async function networkContent(filter: SeizureFilter, ctx: Ctx): Promise<Node> {
  const network = await loadNetwork(apiFilterParams(filter));
  const byId = new Map(network.nodes.map((n) => [n.id, n]));
  const nameOf = (id: string): string => byId.get(id)?.name ?? id;
  const unlocated = network.nodes.filter((n) => !located(n));
  const hiddenLegs = network.legs.filter((leg) => !located(byId.get(leg.from)!) || !located(byId.get(leg.to)!)).length;
  const chokepoints = network.chokepoints.map((id) => byId.get(id)).filter((n) => n !== undefined);
  const legs = [...network.legs].sort((a, b) => (legValue(b, filter.measure) ?? -1) - (legValue(a, filter.measure) ?? -1)).slice(0, LEGS_LISTED);
  return h('div', null,
    h('p', { 'data-testid': 'network-note' }, ctx.t('seizures.networkNote', {
      nodes: formatInteger(network.nodes.length, ctx.lang),
      legs: formatInteger(network.legs.length, ctx.lang),
      routed: formatInteger(network.rowsRouted, ctx.lang),
      without: formatInteger(network.rowsWithoutRoute, ctx.lang),
    })),
    unlocated.length === 0 ? null : h('p', { 'data-testid': 'nodes-unlocated' },
      ctx.t('seizures.nodesUnlocated', { n: formatInteger(unlocated.length, ctx.lang), legs: formatInteger(hiddenLegs, ctx.lang) }), ' ',
      h('span', { lang: 'en' }, unlocated.map((n) => n.name).join(', '))),
    h('h3', null, ctx.t('seizures.chokepointsTitle')),
    h('p', { class: 'muted' }, ctx.t('seizures.chokepointsExplain')),
    chokepoints.length === 0 ? h('p', { class: 'empty' }, ctx.t('none')) : dataTable(null, [
      { header: ctx.t('seizures.node'), cell: (n) => h('span', { lang: 'en' }, n.name), rowHeader: true },
      { header: ctx.t('seizures.betweenness'), cell: (n) => formatDecimal(n.betweenness, 1, ctx.lang), className: 'num' },
      { header: ctx.t('seizures.measureSeizures'), cell: (n) => formatInteger(n.seizures, ctx.lang), className: 'num' },
      { header: ctx.t('seizures.share'), cell: (n) => formatShare(n.share, ctx.lang), className: 'num' },
      { header: ctx.t('seizures.measureKg'), cell: (n) => formatKg(n.kg, ctx.lang), className: 'num' },
      { header: ctx.t('seizures.onMap'), cell: (n) => ctx.t(located(n) ? 'yes' : 'no') },
    ], chokepoints, { 'data-testid': 'chokepoint-table' }),
    h('h3', null, ctx.t('seizures.legsTitle', { n: formatInteger(legs.length, ctx.lang) })),
    dataTable(null, [
      { header: ctx.t('seizures.leg'), cell: (l) => h('span', { lang: 'en' }, `${nameOf(l.from)} → ${nameOf(l.to)}`), rowHeader: true },
      { header: ctx.t('seizures.measureSeizures'), cell: (l) => formatInteger(l.seizures, ctx.lang), className: 'num' },
      { header: ctx.t('seizures.cases'), cell: (l) => formatInteger(l.cases, ctx.lang), className: 'num' },
      { header: ctx.t('seizures.share'), cell: (l) => formatShare(l.share, ctx.lang), className: 'num' },
      { header: ctx.t('seizures.measureKg'), cell: (l) => formatKg(l.kg, ctx.lang), className: 'num' },
      { header: ctx.t('seizures.withoutKg'), cell: (l) => formatInteger(l.withoutKg, ctx.lang), className: 'num' },
    ], legs, { 'data-testid': 'leg-table' }));
}

// Percentage points with a sign: +12.3 pp, −4.0 п. п.
function formatPoints(change: number | null, ctx: Ctx): string {
  if (change === null) return unknownText(ctx.lang);
  const sign = change > 0 ? '+' : change < 0 ? '−' : '';
  return `${sign}${formatDecimal(Math.abs(change) * 100, 1, ctx.lang)}\u00a0${ctx.t('seizures.points')}`;
}

function compareContent(filter: SeizureFilter, years: number[], ctx: Ctx): HTMLElement {
  const defaults = splitPeriods(years);
  const first = h('input', { type: 'text', id: 'compare-first', size: 14, value: defaults?.[0] ?? '', placeholder: '2015..2019', 'data-testid': 'compare-first' });
  const second = h('input', { type: 'text', id: 'compare-second', size: 14, value: defaults?.[1] ?? '', placeholder: '2020..2024', 'data-testid': 'compare-second' });
  const output = h('div', { 'aria-live': 'polite', 'data-testid': 'compare-output' });
  const form = h('form', { class: 'filter-form', 'data-testid': 'compare-form' },
    h('div', { class: 'field' }, h('label', { for: 'compare-first' }, ctx.t('seizures.firstPeriod')), first),
    h('div', { class: 'field' }, h('label', { for: 'compare-second' }, ctx.t('seizures.secondPeriod')), second),
    h('div', { class: 'field' }, h('button', { type: 'submit', 'data-testid': 'compare-run' }, ctx.t('seizures.compareRun'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const bad = [first, second].find((input) => !isPeriod(input.value));
    for (const input of [first, second]) input.setAttribute('aria-invalid', input === bad ? 'true' : 'false');
    if (bad) {
      output.replaceChildren(h('p', { class: 'form-problem', role: 'alert' }, ctx.t('seizures.badPeriod', { value: bad.value.trim() })));
      return;
    }
    output.replaceChildren(h('p', { class: 'loading' }, ctx.t('loading')));
    Promise.all([
      getJson<{ changes?: Array<Record<string, unknown>> }>(NARCOTICS_PATHS.routes, { ...apiFilterParams(filter), compare: `${first.value.trim()},${second.value.trim()}`, top: 0 }),
      loadNetwork(apiFilterParams(filter)).catch(() => null),
    ]).then(([answer, network]) => {
      const name = (id: string): string => network?.nodes.find((n) => n.id === id)?.name ?? nodeIdName(id);
      const changes = legChanges(answer).slice(0, LEGS_LISTED);
      output.replaceChildren(changes.length === 0 ? h('p', { class: 'empty' }, ctx.t('none')) : dataTable(
        ctx.t('seizures.compareCaption', { first: first.value.trim(), second: second.value.trim() }), [
          { header: ctx.t('seizures.leg'), cell: (c) => h('span', { lang: 'en' }, `${name(c.from)} → ${name(c.to)}`), rowHeader: true },
          { header: ctx.t('seizures.shareIn', { period: first.value.trim() }), cell: (c) => formatShare(c.firstShare, ctx.lang), className: 'num' },
          { header: ctx.t('seizures.shareIn', { period: second.value.trim() }), cell: (c) => formatShare(c.secondShare, ctx.lang), className: 'num' },
          { header: ctx.t('seizures.change'), cell: (c) => h('span', { class: (c.change ?? 0) > 0 ? 'gain' : (c.change ?? 0) < 0 ? 'loss' : '' }, formatPoints(c.change, ctx)), className: 'num' },
          { header: ctx.t('seizures.seizuresIn', { period: first.value.trim() }), cell: (c) => formatInteger(c.firstSeizures, ctx.lang), className: 'num' },
          { header: ctx.t('seizures.seizuresIn', { period: second.value.trim() }), cell: (c) => formatInteger(c.secondSeizures, ctx.lang), className: 'num' },
        ], changes, { 'data-testid': 'compare-table' }));
    }).catch((error: unknown) => output.replaceChildren(errorBox(error, ctx)));
  });
  return h('div', null, h('p', { class: 'explain' }, ctx.t('seizures.compareIntro')), form, output);
}

function planResult(raw: Interdiction, network: Network, filter: SeizureFilter, ctx: Ctx): { element: HTMLElement; nodeIds: string[] } {
  const plan = normalizePlan(raw);
  const measureWord = plan.measure === 'kg' ? 'kg' : 'seizures';
  const flow = (value: number | null): string => (measureWord === 'kg' ? formatKg(value, ctx.lang) : formatInteger(value, ctx.lang));
  const methodKey = plan.method === 'minimum cut' ? 'seizures.methodMinCut'
    : plan.method === 'exhaustive' ? 'seizures.methodExhaustive'
      : plan.method === 'greedy' ? 'seizures.methodGreedy' : null;
  const nodeIds = plan.checkpoints.filter((c) => c.to === null).map((c) => findNode(network, c.node)?.id).filter((id): id is string => id !== undefined);
  const row = (label: string, value: Node | string, testId?: string): HTMLElement[] =>
    [h('dt', null, label), h('dd', { 'data-testid': testId }, value)];
  const element = h('div', { class: 'plan-result', 'data-testid': 'plan-result' },
    filter.synthetic ? syntheticTag(ctx) : null,
    h('p', { class: 'plan-share', 'data-testid': 'plan-share' }, ctx.t('seizures.planShare', {
      share: formatShare(plan.share, ctx.lang),
      intercepted: flow(plan.flowIntercepted),
      total: flow(plan.flowTotal),
    })),
    h('dl', { class: 'facts-list' },
      row(ctx.t('seizures.method'), methodKey ? ctx.t(methodKey) : (plan.method ?? unknownText(ctx.lang)), 'plan-method'),
      row(ctx.t('seizures.planCost'), formatDecimal(plan.cost, 2, ctx.lang), 'plan-cost'),
      row(ctx.t('seizures.minCutCost'), plan.minimumCutCost === null ? ctx.t('seizures.noFiniteCut') : formatDecimal(plan.minimumCutCost, 2, ctx.lang), 'plan-min-cut'),
      row(ctx.t('seizures.routesIntercepted'), ctx.t('seizures.nOfTotal', {
        n: formatInteger(plan.routesIntercepted, ctx.lang), total: formatInteger(plan.routesTotal, ctx.lang),
      }))),
    plan.checkpoints.length === 0 ? h('p', { class: 'empty' }, ctx.t('seizures.noCheckpoints')) : dataTable(ctx.t('seizures.checkpointsTitle'), [
      { header: ctx.t('seizures.checkpoint'), cell: (c) => h('span', { lang: 'en' }, c.to === null ? (findNode(network, c.node)?.name ?? c.node) : `${findNode(network, c.node)?.name ?? c.node} → ${findNode(network, c.to)?.name ?? c.to}`), rowHeader: true },
      { header: ctx.t('seizures.cost'), cell: (c) => formatDecimal(c.cost, 2, ctx.lang), className: 'num' },
      { header: ctx.t('seizures.interceptedAlone'), cell: (c) => flow(c.intercepted), className: 'num' },
      { header: ctx.t('seizures.share'), cell: (c) => formatShare(c.share, ctx.lang), className: 'num' },
    ], plan.checkpoints, { 'data-testid': 'checkpoint-table' }));
  return { element, nodeIds };
}

async function plannerContent(filter: SeizureFilter, ctx: Ctx, map: Promise<SeizureMap>): Promise<Node> {
  const params = apiFilterParams(filter);
  const network = await loadNetwork(params);
  const budget = h('input', { type: 'text', inputmode: 'decimal', id: 'plan-budget', size: 14, placeholder: ctx.t('seizures.budgetNone'), 'data-testid': 'plan-budget' });
  const defaultCost = h('input', { type: 'text', inputmode: 'decimal', id: 'plan-default-cost', size: 8, value: '1', 'data-testid': 'plan-default-cost' });
  const measure = h('select', { id: 'plan-measure', 'data-testid': 'plan-measure' },
    h('option', { value: 'seizures', selected: filter.measure === 'seizures' }, ctx.t('seizures.measureSeizures')),
    h('option', { value: 'kg', selected: filter.measure === 'kg' }, ctx.t('seizures.measureKg')));
  const costInputs = new Map<string, HTMLInputElement>();
  const originBoxes = new Map<string, HTMLInputElement>();
  const destinationBoxes = new Map<string, HTMLInputElement>();
  const places = [...network.nodes].sort((a, b) => (b.seizures ?? 0) - (a.seizures ?? 0) || a.name.localeCompare(b.name));
  const costRows = places.map((node) => {
    const input = h('input', { type: 'text', inputmode: 'decimal', size: 6, placeholder: ctx.t('seizures.costDefault'), 'aria-label': ctx.t('seizures.costFor', { name: node.name }), 'data-testid': 'node-cost', 'data-node': node.id });
    costInputs.set(node.name, input);
    originBoxes.set(node.name, h('input', { type: 'checkbox', 'aria-label': ctx.t('seizures.originFor', { name: node.name }), 'data-testid': 'node-origin' }));
    destinationBoxes.set(node.name, h('input', { type: 'checkbox', 'aria-label': ctx.t('seizures.destinationFor', { name: node.name }), 'data-testid': 'node-destination' }));
    return node;
  });
  const result = h('div', { class: 'plan-output', 'aria-live': 'polite', 'data-testid': 'plan-output' });
  const form = h('form', { class: 'planner-form', 'data-testid': 'planner' },
    h('div', { class: 'filter-form' },
      h('div', { class: 'field' }, h('label', { for: 'plan-budget' }, ctx.t('seizures.budget')), budget),
      h('div', { class: 'field' }, h('label', { for: 'plan-measure' }, ctx.t('seizures.planMeasure')), measure),
      h('div', { class: 'field' }, h('label', { for: 'plan-default-cost' }, ctx.t('seizures.defaultCost')), defaultCost),
      h('div', { class: 'field' }, h('button', { type: 'submit', 'data-testid': 'plan-run' }, ctx.t('seizures.planRun')))),
    h('p', { class: 'muted' }, ctx.t('seizures.costHelp')),
    h('details', { 'data-testid': 'node-costs' },
      h('summary', null, ctx.t('seizures.nodeCosts', { n: formatInteger(costRows.length, ctx.lang) })),
      dataTable(null, [
        { header: ctx.t('seizures.node'), cell: (n) => h('span', { lang: 'en' }, n.name), rowHeader: true },
        { header: ctx.t('seizures.measureSeizures'), cell: (n) => formatInteger(n.seizures, ctx.lang), className: 'num' },
        { header: ctx.t('seizures.cost'), cell: (n) => costInputs.get(n.name) ?? null },
        { header: ctx.t('seizures.origin'), cell: (n) => originBoxes.get(n.name) ?? null },
        { header: ctx.t('seizures.destination'), cell: (n) => destinationBoxes.get(n.name) ?? null },
      ], costRows)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = plannerParams({
      budget: budget.value,
      measure: measure.value === 'kg' ? 'kg' : 'seizures',
      defaultCost: defaultCost.value,
      nodeCosts: new Map([...costInputs].map(([name, input]) => [name, input.value])),
      origins: [...originBoxes].filter(([, box]) => box.checked).map(([name]) => name),
      destinations: [...destinationBoxes].filter(([, box]) => box.checked).map(([name]) => name),
    });
    if (request.problems.length > 0) {
      result.replaceChildren(h('p', { class: 'form-problem', role: 'alert', 'data-testid': 'plan-problem' },
        ctx.t('seizures.badCosts', { list: request.problems.map((p) => `${p.field}: “${p.value}”`).join(', ') })));
      return;
    }
    result.setAttribute('aria-busy', 'true');
    result.replaceChildren(h('p', { class: 'loading' }, ctx.t('loading')));
    getJson<Interdiction>(NARCOTICS_PATHS.interdiction, { ...params, ...request.params })
      .then((answer) => {
        const shown = planResult(answer, network, filter, ctx);
        result.replaceChildren(shown.element);
        void map.then((m) => m.showCheckpoints(shown.nodeIds));
      })
      .catch((error: unknown) => {
        result.replaceChildren(errorBox(error, ctx));
        void map.then((m) => m.showCheckpoints([]));
      })
      .finally(() => result.setAttribute('aria-busy', 'false'));
  });
  return h('div', null, form, result);
}

// The years in which matching records of the chosen kind exist.
function recordYears(filter: SeizureFilter, stats: SeizureStats): number[] {
  return stats.rows.filter((r) => (filter.synthetic ? r.synthetic_count : r.real_count) > 0 && (!filter.drug || r.drug === filter.drug)).map((r) => r.year);
}

function bulletinContent(filter: SeizureFilter, stats: SeizureStats, ctx: Ctx): HTMLElement {
  const years = recordYears(filter, stats);
  const period = bulletinPeriod(filter, years);
  if (period === null) return h('p', { class: 'empty' }, ctx.t('seizures.noneMatch'));
  const params = { period, drug: filter.drug, synthetic: String(filter.synthetic), lang: ctx.lang };
  return h('div', null,
    h('p', null, ctx.t('seizures.bulletinText', { period })),
    h('ul', { class: 'inline-list' },
      h('li', null, h('a', { href: apiUrl(NARCOTICS_PATHS.bulletin, { ...params, format: 'html' }), target: '_blank', rel: 'noopener', 'data-testid': 'bulletin-html' }, ctx.t('seizures.bulletinHtml'))),
      h('li', null, h('a', { href: apiUrl(NARCOTICS_PATHS.bulletin, { ...params, format: 'csv' }), download: '', 'data-testid': 'bulletin-csv' }, ctx.t('seizures.bulletinCsv')))),
    filter.synthetic ? h('p', { class: 'muted' }, ctx.t('seizures.bulletinSynthetic')) : null);
}

export async function seizuresView(ctx: Ctx, requested: SeizureFilter): Promise<HTMLElement> {
  const stats = await getJson<SeizureStats>(NARCOTICS_PATHS.stats);
  const synthetic = requested.synthetic ?? defaultSynthetic(stats.real_rows, stats.synthetic_rows);
  const header = [
    h('h1', { 'data-testid': 'page-title' }, ctx.t('seizures.title')),
    h('p', { class: 'explain' }, ctx.t('seizures.intro')),
  ];
  if (synthetic === null) return h('div', { class: 'view view-seizures' }, header, h('p', { class: 'empty', 'data-testid': 'no-seizures' }, ctx.t('seizures.noRecords')));
  const filter: SeizureFilter = { ...requested, synthetic };
  let mapReady: (map: SeizureMap) => void = () => {};
  const map = new Promise<SeizureMap>((resolve) => {
    mapReady = resolve;
  });
  const kindTitle = (key: Parameters<Ctx['t']>[0]): string => `${ctx.t(key)}${synthetic ? ` — ${ctx.t('seizures.syntheticTag')}` : ''}`;
  return h('div', { class: 'view view-seizures', 'data-synthetic': String(synthetic) },
    header,
    synthetic ? syntheticBanner(ctx) : null,
    filterForm(filter, stats, ctx),
    section('seizure-map-section', kindTitle('seizures.mapTitle'), deferred(ctx, () => mapContent(filter, ctx, mapReady), 'seizure-map-content')),
    section('trends', kindTitle('seizures.trendsTitle'), deferred(ctx, () => trendsContent(filter, ctx), 'trends')),
    section('network', kindTitle('seizures.networkTitle'), deferred(ctx, () => networkContent(filter, ctx), 'network')),
    section('compare', kindTitle('seizures.compareTitle'), compareContent(filter, recordYears(filter, stats), ctx)),
    section('planner', kindTitle('seizures.plannerTitle'),
      h('p', { class: 'explain' }, ctx.t('seizures.plannerIntro')),
      deferred(ctx, () => plannerContent(filter, ctx, map), 'planner-content')),
    section('bulletin', kindTitle('seizures.bulletinTitle'), bulletinContent(filter, stats, ctx)));
}
