// Pure data shaping for the Seizures screen: the filter in the page address, which pages of the
// seizure list to fetch, hotspot cell geometry and colour classes, trend series, the route network
// as the API sends it, leg widths and the interdiction request. No DOM; unit-tested.
import type {
  HotspotCell,
  Interdiction,
  InterdictionCheckpoint,
  RouteLeg,
  RouteNetwork,
  RouteNode,
  TrendMonth,
} from './narcotics-types';

export type Measure = 'seizures' | 'kg';

// What the screen shows, as kept in #/seizures?from=..&to=..&drug=..&synthetic=..&measure=..
export interface SeizureFilter {
  from: string | null;
  to: string | null;
  drug: string | null;
  // true: synthetic records only; false: real ones only; null: not chosen yet (the screen picks
  // what the database holds). Real and synthetic records are never shown together.
  synthetic: boolean | null;
  measure: Measure;
}

// A partial ISO date as the API takes it: yyyy, yyyy-mm or yyyy-mm-dd, a date that exists.
export function isPartialDate(text: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return false;
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month === null) return true;
  if (month < 1 || month > 12) return false;
  if (day === null) return true;
  const days = new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

export function parseSeizureQuery(query: URLSearchParams): SeizureFilter {
  const date = (name: string): string | null => {
    const value = query.get(name)?.trim() ?? '';
    return isPartialDate(value) ? value : null;
  };
  const drug = query.get('drug')?.trim() ?? '';
  const synthetic = query.get('synthetic');
  return {
    from: date('from'),
    to: date('to'),
    drug: /^[a-z_]+$/.test(drug) ? drug : null,
    synthetic: synthetic === 'true' ? true : synthetic === 'false' ? false : null,
    measure: query.get('measure') === 'kg' ? 'kg' : 'seizures',
  };
}

export function seizureQueryText(filter: SeizureFilter): string {
  const query = new URLSearchParams();
  if (filter.from) query.set('from', filter.from);
  if (filter.to) query.set('to', filter.to);
  if (filter.drug) query.set('drug', filter.drug);
  if (filter.synthetic !== null) query.set('synthetic', String(filter.synthetic));
  if (filter.measure !== 'seizures') query.set('measure', filter.measure);
  return query.toString();
}

// The API's filter parameters (from, to, drug, synthetic) for a filter whose kind is chosen.
export function apiFilterParams(filter: SeizureFilter): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.from) params.from = filter.from;
  if (filter.to) params.to = filter.to;
  if (filter.drug) params.drug = filter.drug;
  if (filter.synthetic !== null) params.synthetic = String(filter.synthetic);
  return params;
}

// Which kind of record to show when the address does not say: real ones when there are any,
// else synthetic ones; null when the database holds none.
export function defaultSynthetic(realRows: number, syntheticRows: number): boolean | null {
  if (realRows > 0) return false;
  if (syntheticRows > 0) return true;
  return null;
}

// The bulletin's period for the filter: "from..to", one end alone, or the years the records span.
export function bulletinPeriod(filter: SeizureFilter, years: number[]): string | null {
  if (filter.from && filter.to) return filter.from === filter.to ? filter.from : `${filter.from}..${filter.to}`;
  const first = years.length > 0 ? Math.min(...years) : null;
  const last = years.length > 0 ? Math.max(...years) : null;
  if (filter.from) return last !== null ? `${filter.from}..${last}` : filter.from;
  if (filter.to) return first !== null ? `${first}..${filter.to}` : filter.to;
  if (first === null || last === null) return null;
  return first === last ? String(first) : `${first}..${last}`;
}

// A period as the API takes it: a partial date, or FROM..TO of two partial dates.
export function isPeriod(text: string): boolean {
  const parts = text.trim().split('..');
  return parts.length <= 2 && parts.every((part) => isPartialDate(part));
}

// Two halves of the years the records span, as the default periods to compare: 2015..2019 and
// 2020..2024 for records from 2015 to 2024. Null with fewer than two years.
export function splitPeriods(years: number[]): [string, string] | null {
  if (years.length === 0) return null;
  const first = Math.min(...years);
  const last = Math.max(...years);
  if (last <= first) return null;
  const middle = Math.floor((first + last) / 2);
  const span = (a: number, b: number): string => (a === b ? String(a) : `${a}..${b}`);
  return [span(first, middle), span(middle + 1, last)];
}

export interface LegChange {
  from: string;
  to: string;
  firstSeizures: number | null;
  secondSeizures: number | null;
  firstShare: number | null;
  secondShare: number | null;
  change: number | null;
}

// The legs of a comparison, largest change of share first (as the API orders them).
export function legChanges(raw: { changes?: Array<Record<string, unknown>> }): LegChange[] {
  return (raw.changes ?? []).map((c) => ({
    from: text(c.from) ?? '',
    to: text(c.to) ?? '',
    firstSeizures: num(c.first_seizures),
    secondSeizures: num(c.second_seizures),
    firstShare: num(c.first_share),
    secondShare: num(c.second_share),
    change: num(c.change),
  }));
}

// The name a node id stands for when the network does not list it: "place:Osh" -> "Osh".
export function nodeIdName(id: string): string {
  return nodeName(id);
}

// The pages of the seizure list to fetch for the map: all of them when they are few, else
// `maxPages` pages spread evenly from the first to the last (the list is in import order, so the
// sample spans the whole import rather than its first rows). Pages count from 1.
export function samplePages(total: number, pageSize: number, maxPages: number): number[] {
  const pageCount = Math.ceil(Math.max(0, total) / pageSize);
  if (pageCount === 0) return [];
  if (pageCount <= maxPages) return Array.from({ length: pageCount }, (_, index) => index + 1);
  if (maxPages === 1) return [1];
  const pages = new Set<number>();
  for (let index = 0; index < maxPages; index += 1) {
    pages.add(1 + Math.round((index * (pageCount - 1)) / (maxPages - 1)));
  }
  return [...pages].sort((a, b) => a - b);
}

// Kilometres per degree of latitude on the sphere of radius 6371 km that the grid uses (docs/geo.md).
export const KM_PER_DEGREE_LAT = (6371 * Math.PI) / 180;

export interface CellBounds {
  west: number;
  east: number;
  south: number;
  north: number;
}

// The grid's step in degrees of longitude: the grid is flattened around the middle latitude of its
// box, which the API does not send, so the step is read from cells of one row (their centres lie a
// whole number of steps apart). Without two cells in a row, the step at the cell's own latitude.
export function lonStep(cells: HotspotCell[], cellKm: number): number | null {
  const rows = new Map<number, number[]>();
  for (const cell of cells) {
    const row = rows.get(cell.lat);
    if (row) row.push(cell.lon);
    else rows.set(cell.lat, [cell.lon]);
  }
  let step = Infinity;
  for (const lons of rows.values()) {
    lons.sort((a, b) => a - b);
    for (let index = 1; index < lons.length; index += 1) {
      const gap = (lons[index] as number) - (lons[index - 1] as number);
      if (gap > 1e-9 && gap < step) step = gap;
    }
  }
  if (!Number.isFinite(step)) return null;
  // A gap of several steps only (no neighbours in any row) would make squares too wide: accept the
  // gap when it is no wider than twice the step at the cells' latitude.
  const lat = cells[0]?.lat ?? 0;
  const local = cellKm / (KM_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180));
  return step <= 2 * local ? step : null;
}

export function cellBounds(cell: HotspotCell, cellKm: number, step: number | null): CellBounds {
  const halfLat = cellKm / KM_PER_DEGREE_LAT / 2;
  const halfLon = (step ?? cellKm / (KM_PER_DEGREE_LAT * Math.cos((cell.lat * Math.PI) / 180))) / 2;
  return { west: cell.lon - halfLon, east: cell.lon + halfLon, south: cell.lat - halfLat, north: cell.lat + halfLat };
}

// The conventional Gi* classes: hot or cold at 99, 95 and 90 % confidence (two-sided p below
// 0.01, 0.05, 0.10); anything else is not significant and not drawn.
export type HotspotClass = 'hot99' | 'hot95' | 'hot90' | 'cold90' | 'cold95' | 'cold99' | 'none';

export const HOTSPOT_CLASSES: Array<{ id: Exclude<HotspotClass, 'none'>; color: string }> = [
  { id: 'hot99', color: '#c2261e' },
  { id: 'hot95', color: '#ea7250' },
  { id: 'hot90', color: '#f8b987' },
  { id: 'cold90', color: '#a8bcd4' },
  { id: 'cold95', color: '#6d8fbe' },
  { id: 'cold99', color: '#3b66a8' },
];

export function hotspotClass(z: number | null, p: number | null): HotspotClass {
  if (z === null || p === null || !Number.isFinite(z) || !Number.isFinite(p) || z === 0) return 'none';
  const side = z > 0 ? 'hot' : 'cold';
  if (p < 0.01) return `${side}99`;
  if (p < 0.05) return `${side}95`;
  if (p < 0.1) return `${side}90`;
  return 'none';
}

export function hotspotColor(kind: HotspotClass): string | null {
  return HOTSPOT_CLASSES.find((c) => c.id === kind)?.color ?? null;
}

export interface TrendPoint {
  month: string;
  count: number;
  kg: number | null;
  countAnomaly: boolean;
  kgAnomaly: boolean;
}

export interface TrendSeries {
  group: string;
  points: TrendPoint[];
  totalCount: number;
  totalKg: number;
  anomalies: number;
}

// One series per group (drug), months in calendar order, the busiest group first.
export function trendSeries(months: TrendMonth[], measure: Measure): TrendSeries[] {
  const groups = new Map<string, TrendPoint[]>();
  for (const month of months) {
    const point: TrendPoint = {
      month: month.month,
      count: month.count,
      kg: month.kg,
      countAnomaly: month.count_anomaly === true,
      kgAnomaly: month.kg_anomaly === true,
    };
    const list = groups.get(month.group);
    if (list) list.push(point);
    else groups.set(month.group, [point]);
  }
  const series = [...groups.entries()].map(([group, points]) => {
    points.sort((a, b) => a.month.localeCompare(b.month));
    return {
      group,
      points,
      totalCount: points.reduce((sum, p) => sum + p.count, 0),
      totalKg: points.reduce((sum, p) => sum + (p.kg ?? 0), 0),
      anomalies: points.filter((p) => (measure === 'kg' ? p.kgAnomaly : p.countAnomaly)).length,
    };
  });
  return series.sort((a, b) =>
    (measure === 'kg' ? b.totalKg - a.totalKg : b.totalCount - a.totalCount) || a.group.localeCompare(b.group));
}

// The first month of each year within a calendar of "yyyy-mm" months, for axis labels.
export function yearStarts(months: string[]): Array<{ index: number; year: string }> {
  const starts: Array<{ index: number; year: string }> = [];
  months.forEach((month, index) => {
    const year = month.slice(0, 4);
    if (index === 0 || months[index - 1]?.slice(0, 4) !== year) starts.push({ index, year });
  });
  return starts;
}

// ---- the route network ----

export interface NetworkNode {
  id: string;
  kind: 'place' | 'country' | null;
  name: string;
  lat: number | null;
  lon: number | null;
  seizures: number | null;
  kg: number | null;
  share: number | null;
  betweenness: number | null;
}

export interface NetworkLeg {
  from: string; // node id
  to: string;
  seizures: number | null;
  cases: number | null;
  kg: number | null;
  withoutKg: number | null;
  share: number | null;
}

export interface Network {
  nodes: NetworkNode[];
  legs: NetworkLeg[];
  chokepoints: string[]; // node ids, highest betweenness first
  rowsMatched: number | null;
  rowsRouted: number | null;
  rowsWithoutRoute: number | null;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function nodeKind(id: string, kind: unknown): 'place' | 'country' | null {
  if (kind === 'place' || kind === 'country') return kind;
  if (id.startsWith('place:')) return 'place';
  if (id.startsWith('country:')) return 'country';
  return null;
}

function nodeName(id: string): string {
  const colon = id.indexOf(':');
  return colon >= 0 && (id.startsWith('place:') || id.startsWith('country:')) ? id.slice(colon + 1) : id;
}

function toNode(raw: RouteNode): NetworkNode {
  const id = text(raw.id) ?? text(raw.node) ?? text(raw.name) ?? '';
  return {
    id,
    kind: nodeKind(id, raw.kind),
    name: text(raw.name) ?? text(raw.node) ?? nodeName(id),
    lat: num(raw.lat),
    lon: num(raw.lon),
    seizures: num(raw.seizures),
    kg: num(raw.kg),
    share: num(raw.seizure_share),
    betweenness: num(raw.betweenness),
  };
}

// The network as /api/v1/narcotics/routes sends it. Legs may name their ends by node id, by name
// or by index into `nodes`; chokepoints by id, name, index or as node objects. Nodes the legs name
// but `nodes` lacks are added without a position (never placed at an invented one).
export function normalizeNetwork(raw: RouteNetwork): Network {
  const nodes: NetworkNode[] = (raw.nodes ?? []).map(toNode);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const resolve = (ref: unknown): NetworkNode | null => {
    if (typeof ref === 'number') return nodes[ref] ?? null;
    if (typeof ref === 'object' && ref !== null) {
      const node = toNode(ref as RouteNode);
      const known = byId.get(node.id) ?? byName.get(node.name);
      if (known) {
        // A chokepoint object may carry the position and betweenness the node list lacks.
        known.lat ??= node.lat;
        known.lon ??= node.lon;
        known.betweenness ??= node.betweenness;
        return known;
      }
      nodes.push(node);
      byId.set(node.id, node);
      byName.set(node.name, node);
      return node;
    }
    const key = text(ref);
    if (key === null) return null;
    const known = byId.get(key) ?? byName.get(key);
    if (known) return known;
    const added: NetworkNode = {
      id: key, kind: nodeKind(key, null), name: nodeName(key), lat: null, lon: null,
      seizures: null, kg: null, share: null, betweenness: null,
    };
    nodes.push(added);
    byId.set(key, added);
    byName.set(added.name, added);
    return added;
  };
  const chokepoints: string[] = [];
  for (const ref of raw.chokepoints ?? []) {
    const node = resolve(ref);
    if (node && !chokepoints.includes(node.id)) chokepoints.push(node.id);
  }
  const legs: NetworkLeg[] = [];
  for (const leg of (raw.legs ?? raw.edges ?? []) as RouteLeg[]) {
    const from = resolve(leg.from);
    const to = resolve(leg.to);
    if (!from || !to) continue;
    legs.push({
      from: from.id,
      to: to.id,
      seizures: num(leg.seizures),
      cases: num(leg.cases),
      kg: num(leg.kg),
      withoutKg: num(leg.without_kg),
      share: num(leg.seizure_share),
    });
  }
  return {
    nodes,
    legs,
    chokepoints,
    rowsMatched: num(raw.rows_matched),
    rowsRouted: num(raw.rows_routed),
    rowsWithoutRoute: num(raw.rows_without_route),
  };
}

export function located(node: NetworkNode): boolean {
  return node.lat !== null && node.lon !== null;
}

export function legValue(leg: NetworkLeg, measure: Measure): number | null {
  return measure === 'kg' ? leg.kg : leg.seizures;
}

// Line width of a leg in pixels: area-true (width grows with the square root of the flow), from
// `min` for the smallest flow up to `max` for the largest; an unknown flow gets the thinnest line.
export function legWidth(value: number | null, largest: number, min = 1.5, max = 14): number {
  if (value === null || !(largest > 0) || value <= 0) return min;
  return min + (max - min) * Math.sqrt(Math.min(1, value / largest));
}

// ---- interdiction ----

export interface PlannerInput {
  budget: string; // empty: no budget (the minimum cut at whatever cost)
  measure: Measure;
  defaultCost: string; // a number, or "none"
  nodeCosts: Map<string, string>; // node name -> a number or "none"; empty entries are ignored
  origins?: string[]; // node names; none: where the observed routes start
  destinations?: string[]; // node names; none: where they end
}

export interface PlannerRequest {
  params: Record<string, string>;
  problems: Array<{ field: string; value: string }>;
}

function costText(value: string): string | null {
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return '';
  if (trimmed.toLowerCase() === 'none') return 'none';
  const number = Number(trimmed);
  return Number.isFinite(number) && number >= 0 ? String(number) : null;
}

// The interdiction request's parameters; node costs travel as one `node_cost` parameter,
// "Osh=2;Bishkek=none" (the API takes no repeated parameters). Bad values are returned as problems
// and left out.
export function plannerParams(input: PlannerInput): PlannerRequest {
  const params: Record<string, string> = { measure: input.measure };
  const problems: Array<{ field: string; value: string }> = [];
  const budget = input.budget.trim().replace(',', '.');
  if (budget !== '') {
    const value = Number(budget);
    if (Number.isFinite(value) && value >= 0) params.budget = String(value);
    else problems.push({ field: 'budget', value: input.budget });
  }
  const fallback = costText(input.defaultCost);
  if (fallback === null) problems.push({ field: 'default_cost', value: input.defaultCost });
  else if (fallback !== '') params.default_cost = fallback;
  const costs: string[] = [];
  for (const [name, value] of input.nodeCosts) {
    const cost = costText(value);
    if (cost === null) problems.push({ field: name, value });
    else if (cost !== '') costs.push(`${name}=${cost}`);
  }
  if (costs.length > 0) params.node_cost = costs.join(';');
  if (input.origins && input.origins.length > 0) params.origin = input.origins.join(';');
  if (input.destinations && input.destinations.length > 0) params.destination = input.destinations.join(';');
  return { params, problems };
}

export interface Plan {
  method: string | null;
  measure: string | null;
  cost: number | null;
  budget: number | null;
  minimumCutCost: number | null;
  flowTotal: number | null;
  flowIntercepted: number | null;
  share: number | null;
  routesTotal: number | null;
  routesIntercepted: number | null;
  checkpoints: Array<{ node: string; to: string | null; cost: number | null; intercepted: number | null; share: number | null }>;
}

function checkpointEnd(value: unknown): string | null {
  if (typeof value === 'object' && value !== null) {
    const record = value as { id?: unknown; name?: unknown; node?: unknown };
    return text(record.id) ?? text(record.name) ?? text(record.node);
  }
  return text(value);
}

// The plan as the API sends it: its fields at the top level or under "plan", checkpoints naming
// their node as "node", "at", "id" or "from" (and "to" for a leg).
export function normalizePlan(raw: Interdiction): Plan {
  const plan = (raw.plan ?? raw) as Interdiction;
  const checkpoints = (raw.checkpoints ?? plan.checkpoints ?? []).map((c: InterdictionCheckpoint) => ({
    node: checkpointEnd(c.node) ?? checkpointEnd(c.at) ?? checkpointEnd(c.id) ?? checkpointEnd(c.from) ?? '',
    to: checkpointEnd(c.to),
    cost: num(c.cost),
    intercepted: num(c.intercepted),
    share: num(c.share),
  }));
  return {
    method: text(plan.method),
    measure: text(plan.measure),
    cost: num(plan.cost),
    budget: num(plan.budget),
    minimumCutCost: num(plan.minimum_cut_cost),
    flowTotal: num(plan.flow_total),
    flowIntercepted: num(plan.flow_intercepted),
    share: num(plan.share_intercepted),
    routesTotal: num(plan.routes_total),
    routesIntercepted: num(plan.routes_intercepted),
    checkpoints,
  };
}

// The network node a checkpoint names (by id or name), or null.
export function findNode(network: Network, ref: string): NetworkNode | null {
  return network.nodes.find((n) => n.id === ref) ?? network.nodes.find((n) => n.name === ref) ?? null;
}

// ---- map labels ----

export interface LabelPoint {
  x: number;
  y: number;
  text: string;
}

export interface PlacedLabel {
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

// Puts each label right, left, above or below its point, whichever first overlaps neither a point
// nor a label placed before it and stays inside the map (else the first that stays inside).
// `charWidth` is the mean width of a character in the label font.
export function placeLabels(points: LabelPoint[], width: number, height: number, charWidth = 7): PlacedLabel[] {
  const taken: Box[] = points.map((p) => ({ x0: p.x - 6, y0: p.y - 6, x1: p.x + 6, y1: p.y + 6 }));
  const inside = (b: Box): boolean => b.x0 >= 0 && b.x1 <= width && b.y0 >= 0 && b.y1 <= height;
  const free = (b: Box): boolean => taken.every((o) => b.x1 <= o.x0 || b.x0 >= o.x1 || b.y1 <= o.y0 || b.y0 >= o.y1);
  return points.map(({ x, y, text }) => {
    const w = text.length * charWidth;
    const candidates: Array<{ box: Box; label: PlacedLabel }> = [
      { box: { x0: x + 9, y0: y - 8, x1: x + 9 + w, y1: y + 6 }, label: { x: x + 9, y: y + 4, anchor: 'start' } },
      { box: { x0: x - 9 - w, y0: y - 8, x1: x - 9, y1: y + 6 }, label: { x: x - 9, y: y + 4, anchor: 'end' } },
      { box: { x0: x - w / 2, y0: y - 24, x1: x + w / 2, y1: y - 10 }, label: { x, y: y - 13, anchor: 'middle' } },
      { box: { x0: x - w / 2, y0: y + 10, x1: x + w / 2, y1: y + 24 }, label: { x, y: y + 21, anchor: 'middle' } },
      { box: { x0: x + 9, y0: y - 22, x1: x + 9 + w, y1: y - 8 }, label: { x: x + 9, y: y - 11, anchor: 'start' } },
      { box: { x0: x + 9, y0: y + 6, x1: x + 9 + w, y1: y + 20 }, label: { x: x + 9, y: y + 17, anchor: 'start' } },
      { box: { x0: x - 9 - w, y0: y - 22, x1: x - 9, y1: y - 8 }, label: { x: x - 9, y: y - 11, anchor: 'end' } },
      { box: { x0: x - 9 - w, y0: y + 6, x1: x - 9, y1: y + 20 }, label: { x: x - 9, y: y + 17, anchor: 'end' } },
    ];
    const choice = candidates.find((c) => inside(c.box) && free(c.box)) ?? candidates.find((c) => inside(c.box)) ?? candidates[0]!;
    taken.push(choice.box);
    return choice.label;
  });
}
