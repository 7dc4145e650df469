// The link chart's data and its pure logic: the answers of /api/v1/graph/..., the chart's contents
// merged from expansions and paths, the time slider's filter, the path selection, colours and sizes,
// the marking of what is drawn and the SVG export. No DOM and no chart library here, so all of it
// is unit-tested.
import { MARKING_COLOURS, highestMarking, type Marking } from './marking';

// --- The API's answers (docs/api, /api/v1/graph/...) ---

export interface GraphNode {
  id: string;
  name: string | null;
  type: string | null;
  synthetic: boolean;
  hops?: number;
  degree?: number;
  // The record's compartment and marking (docs/compartments.md); absent from an older server.
  compartment?: string;
  marking?: string;
  // In an expansion: the ids of the entities merged into this one (docs/names.md, "Merge and
  // unmerge"); not kept on the chart.
  merged_ids?: string[];
}

export interface GraphLink {
  id: string;
  type: string | null;
  from: string;
  to: string;
  start: string | null;
  end: string | null;
  compartment?: string;
  marking?: string;
}

// Every answer over case data says the highest marking of the records in it.
export interface MarkedAnswer {
  marking?: string;
}

export interface GraphSummary extends MarkedAnswer {
  entities: number;
  links: number;
}

export interface SearchAnswer extends MarkedAnswer {
  entities: Array<{ id: string; name: string | null; type: string | null; degree: number | null; synthetic: boolean; compartment?: string; marking?: string }>;
  total: number;
}

export interface EntityDetails extends MarkedAnswer {
  id: string;
  name: string | null;
  type: string | null;
  schema: string | null;
  properties: Record<string, string[]>;
  source: string | null;
  case: string | null;
  synthetic: boolean;
  degree: number | null;
  compartment?: string;
}

export interface ExpandAnswer extends MarkedAnswer {
  nodes: GraphNode[];
  links: GraphLink[];
  hidden: Array<{ id: string; more: number }>;
  next_offset: number | null;
}

export interface PathAnswer extends MarkedAnswer {
  paths: Array<{ nodes: string[]; links: string[]; length?: number }>;
  nodes: GraphNode[];
  links: GraphLink[];
  // mode=all: how many shortest paths there are (may be more than returned); null otherwise.
  total?: number | null;
}

// interrupted: the server stopped while the job was queued or running (docs/api/README.md).
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';

export interface Job {
  id: string;
  kind: string;
  state: JobState;
  progress?: number | null;
  error?: string | null;
}

export interface JobValues {
  values: Record<string, number>;
}

export const GRAPH_PATHS = {
  summary: '/graph/summary',
  search: '/graph/search',
  entity: (id: string): string => `/graph/entities/${encodeURIComponent(id)}`,
  expand: '/graph/expand',
  path: '/graph/path',
  jobs: '/graph/jobs',
  job: (id: string): string => `/graph/jobs/${encodeURIComponent(id)}`,
  jobValues: (id: string): string => `/graph/jobs/${encodeURIComponent(id)}/values`,
};

export function jobFinished(state: JobState): boolean {
  return state === 'done' || state === 'failed' || state === 'cancelled' || state === 'interrupted';
}

// --- The chart's contents ---

// What the chart holds: every node and link fetched so far, and for each expanded node whose links
// were capped how many were left out ("and M more"), the cap used and the next page of nodes.
export interface MoreLinks {
  more: number;
  cap: number;
  nextOffset: number | null;
}

export interface ChartData {
  nodes: Map<string, GraphNode>;
  links: Map<string, GraphLink>;
  more: Map<string, MoreLinks>;
}

export function emptyChart(): ChartData {
  return { nodes: new Map(), links: new Map(), more: new Map() };
}

// Adds nodes and links (a link only when both its ends are on the chart). Returns the ids added,
// so the chart draws only those. A node already there keeps what it had, filling unknown fields.
export function mergeGraph(chart: ChartData, nodes: GraphNode[], links: GraphLink[]): { nodes: string[]; links: string[] } {
  const added = { nodes: [] as string[], links: [] as string[] };
  for (const node of nodes) {
    const { hops: _hops, merged_ids: _merged, ...rest } = node;
    const old = chart.nodes.get(node.id);
    if (old) {
      // A marking is only ever raised: two answers that disagree (a merge since) keep the higher.
      const marking = old.marking === undefined && rest.marking === undefined ? undefined : highestMarking([old.marking, rest.marking]);
      chart.nodes.set(node.id, {
        ...rest, ...old, name: old.name ?? rest.name, type: old.type ?? rest.type, compartment: old.compartment ?? rest.compartment,
        ...(marking === undefined ? {} : { marking }),
      });
    } else {
      chart.nodes.set(node.id, rest);
      added.nodes.push(node.id);
    }
  }
  for (const link of links) {
    if (chart.links.has(link.id) || !chart.nodes.has(link.from) || !chart.nodes.has(link.to)) continue;
    chart.links.set(link.id, link);
    added.links.push(link.id);
  }
  return added;
}

// Merges one answer of /expand for `seed` asked with `cap` links per node: records the seed's
// "and M more" (links left out by the cap) and the answer's next page of nodes, if any.
export function mergeExpand(chart: ChartData, seed: string, answer: ExpandAnswer, cap: number): { nodes: string[]; links: string[] } {
  const added = mergeGraph(chart, answer.nodes, answer.links);
  const more = answer.hidden.find((h) => h.id === seed)?.more ?? 0;
  const nextOffset = answer.next_offset ?? null;
  if (more > 0 || nextOffset !== null) chart.more.set(seed, { more, cap, nextOffset });
  else chart.more.delete(seed);
  return added;
}

// The next request for a node's "and M more": the next page of nodes when the answer was paged,
// else the same expansion with the cap raised by `step`.
export function nextExpandPage(more: MoreLinks, step: number): { cap: number; offset: number } {
  if (more.nextOffset !== null) return { cap: more.cap, offset: more.nextOffset };
  return { cap: more.cap + step, offset: 0 };
}

// How far a node's expansion has gone: the cap it was last asked with, and the furthest page of
// nodes fetched with that cap (raising the cap starts again from the first page).
export interface ExpandedAs {
  cap: number;
  upTo: number;
}

export function recordExpansion(previous: ExpandedAs | undefined, cap: number, offset: number): ExpandedAs {
  if (previous !== undefined && previous.cap === cap) return { cap, upTo: Math.max(previous.upTo, offset) };
  return { cap, upTo: offset };
}

// Fetches a node's expansion again from its first page of nodes to the one at `upTo`, as far as
// the answers go on: `fetchPage(offset)` fetches one page and gives the next page's offset (null
// when it was the last, or when it failed).
export async function fetchPagesAgain(upTo: number, fetchPage: (offset: number) => Promise<number | null>): Promise<void> {
  let offset = 0;
  for (;;) {
    const next = await fetchPage(offset);
    if (next === null || next <= offset || next > upTo) return;
    offset = next;
  }
}

// --- Merges and unmerges (the Duplicates panel, or another analyst's merge seen in an answer) ---

// What the chart shows besides its contents, as a merge or an unmerge changes it.
export interface ChartSelection {
  expanded: Set<string>;
  picked: string[];
  path: PathHighlight | null;
  selected: string | null;
}

export interface MergeOnChart {
  removed: string[];   // the merged-away nodes that were on the chart
  keptAdded: boolean;  // the kept entity was not on the chart: it takes the first removed one's place
  relinked: string[];  // links whose end moved from a merged-away node to the kept one
  // The kept node or a merged-away one had been expanded: the group's neighbourhood is to be
  // fetched again (the kept entity now has the links of all of them).
  reexpand: boolean;
}

// Reads the merged-away entities of a merge as the kept one, as the server now does: their nodes
// leave the chart (the kept node is added in their place if it was not there), their links attach
// to the kept node, and the picks, the selection and the expanded set follow. The highlighted path
// stays with its nodes renamed, unless one of its links now joins the kept node to itself (the
// path went through two entities that are now one): then it is no longer a path and is dropped.
// `selection` is updated in place.
export function applyMerge(chart: ChartData, selection: ChartSelection, kept: GraphNode, merged: readonly string[]): MergeOnChart {
  const away = new Set(merged.filter((id) => id !== kept.id && chart.nodes.has(id)));
  const result: MergeOnChart = { removed: [...away], keptAdded: false, relinked: [], reexpand: false };
  if (away.size === 0) return result;
  const rename = (id: string): string => (away.has(id) ? kept.id : id);
  if (!chart.nodes.has(kept.id)) {
    const { hops: _hops, merged_ids: _merged, ...rest } = kept;
    chart.nodes.set(kept.id, rest);
    result.keptAdded = true;
  }
  for (const id of away) chart.nodes.delete(id);
  for (const [id, link] of chart.links) {
    if (!away.has(link.from) && !away.has(link.to)) continue;
    chart.links.set(id, { ...link, from: rename(link.from), to: rename(link.to) });
    result.relinked.push(id);
  }
  result.reexpand = selection.expanded.has(kept.id) || [...away].some((id) => selection.expanded.has(id));
  for (const id of away) {
    chart.more.delete(id);
    selection.expanded.delete(id);
  }
  selection.picked = [...new Set(selection.picked.map(rename))];
  if (selection.selected !== null) selection.selected = rename(selection.selected);
  const path = selection.path;
  if (path) {
    const broken = [...path.links].some((id) => {
      const link = chart.links.get(id);
      return link !== undefined && link.from === link.to;
    });
    const from = rename(path.from);
    const to = rename(path.to);
    selection.path = broken || from === to ? null : { ...path, from, to, nodes: new Set([...path.nodes].map(rename)) };
  }
  return result;
}

// The merges an answer reveals: its nodes that carry, in merged_ids, entities drawn on the chart
// as nodes of their own (merged since they were fetched, perhaps by another analyst).
export function mergesSeen(chart: ChartData, nodes: readonly GraphNode[]): Array<{ kept: GraphNode; merged: string[] }> {
  const seen: Array<{ kept: GraphNode; merged: string[] }> = [];
  for (const node of nodes) {
    const merged = (node.merged_ids ?? []).filter((id) => id !== node.id && chart.nodes.has(id));
    if (merged.length > 0) seen.push({ kept: node, merged });
  }
  return seen;
}

export interface UnmergeOnChart {
  dropped: string[];  // links of the kept node, taken off until the server says whose they are
  seeds: string[];    // the expanded nodes, to expand again
  restored: string[]; // merged entities to expand as well, since their group had been expanded
  repath: { from: string; to: string } | null;  // the highlighted path went through the kept node
}

// After an unmerge the kept node's links may belong to the entities restored, and which do is known
// only to the server: they are taken off the chart, and what it shows is fetched again: every
// expanded node's neighbourhood (a restored entity comes back where it is linked), the restored
// entities' own when the group had been expanded, and the highlighted path when it went through the
// kept node. `selection` is updated in place (the path is cleared until it is fetched again).
export function applyUnmerge(chart: ChartData, selection: ChartSelection, kept: string, merged: readonly string[]): UnmergeOnChart {
  const result: UnmergeOnChart = { dropped: [], seeds: [...selection.expanded], restored: [], repath: null };
  if (!chart.nodes.has(kept)) return result;
  for (const [id, link] of chart.links) {
    if (link.from === kept || link.to === kept) {
      chart.links.delete(id);
      result.dropped.push(id);
    }
  }
  if (selection.expanded.has(kept)) result.restored = merged.filter((id) => id !== kept && !chart.nodes.has(id));
  const path = selection.path;
  if (path && path.nodes.has(kept)) {
    result.repath = { from: path.from, to: path.to };
    selection.path = null;
  }
  return result;
}

// --- Time slider ---

// Day number (days since 1970-01-01, UTC) of a date "YYYY", "YYYY-MM" or "YYYY-MM-DD": its first
// day, or with last=true its last day (a link's end "2020" holds to 2020-12-31, as the server reads
// it). null for anything else.
export function dayOf(text: string | null | undefined, last = false): number | null {
  if (!text) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.slice(0, 10));
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : null;
  const day = match[3] ? Number(match[3]) : null;
  if ((month !== null && (month < 1 || month > 12)) || (day !== null && (day < 1 || day > 31))) return null;
  const ms = 86_400_000;
  if (day !== null) return Date.UTC(year, (month ?? 1) - 1, day) / ms;
  if (month !== null) return last ? Date.UTC(year, month, 0) / ms : Date.UTC(year, month - 1, 1) / ms;
  return last ? Date.UTC(year, 11, 31) / ms : Date.UTC(year, 0, 1) / ms;
}

// "YYYY-MM-DD" of a day number.
export function dayText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

// A link is valid from its start to its end; an end or start that is not known is open.
export function linkValidOn(link: Pick<GraphLink, 'start' | 'end'>, day: number): boolean {
  const from = dayOf(link.start);
  const to = dayOf(link.end, true);
  return (from === null || from <= day) && (to === null || day <= to);
}

// The first and last day named by the links' dates, or null when none has a date.
export function dateRange(links: Iterable<Pick<GraphLink, 'start' | 'end'>>): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const link of links) {
    for (const day of [dayOf(link.start), dayOf(link.end, true)]) {
      if (day === null) continue;
      min = Math.min(min, day);
      max = Math.max(max, day);
    }
  }
  return min === Infinity ? null : { min, max };
}

// The ids of the links hidden on `day` (null: the slider is off, nothing hidden).
export function hiddenLinks(links: Iterable<GraphLink>, day: number | null): Set<string> {
  const hidden = new Set<string>();
  if (day === null) return hidden;
  for (const link of links) if (!linkValidOn(link, day)) hidden.add(link.id);
  return hidden;
}

// --- Marking ---

// The highest marking of what the chart draws: every node, and the links the time slider does not
// hide (`hidden`). An empty chart is unmarked.
export function chartMarking(chart: ChartData, hidden: ReadonlySet<string> = new Set()): Marking {
  const markings: Array<string | undefined> = [];
  for (const node of chart.nodes.values()) markings.push(node.marking);
  for (const link of chart.links.values()) if (!hidden.has(link.id)) markings.push(link.marking);
  return highestMarking(markings);
}

// --- Path selection and highlighting ---

// The nodes picked for a path: clicking adds a node, keeping the last two; clicking a picked node
// again drops it.
export function pickForPath(picked: readonly string[], id: string): string[] {
  if (picked.includes(id)) return picked.filter((p) => p !== id);
  return [...picked, id].slice(-2);
}

export interface PathHighlight {
  from: string;
  to: string;
  nodes: Set<string>;
  links: Set<string>;
  count: number;
  total: number | null;
  length: number | null;
}

// What a /path answer lights up: every node and link of every path returned.
export function pathHighlight(from: string, to: string, answer: PathAnswer): PathHighlight {
  const nodes = new Set<string>();
  const links = new Set<string>();
  for (const path of answer.paths) {
    for (const n of path.nodes) nodes.add(n);
    for (const l of path.links) links.add(l);
  }
  const length = answer.paths.length > 0 ? Math.min(...answer.paths.map((p) => p.links.length)) : null;
  return { from, to, nodes, links, count: answer.paths.length, total: answer.total ?? null, length };
}

// --- Colours and sizes ---

// Entity types the store knows (src/core/entity.h), each with its colour; others get OTHER_TYPE.
export const ENTITY_TYPES = ['person', 'organization', 'phone', 'vehicle', 'address', 'account', 'place', 'email', 'identifier'] as const;
const TYPE_COLOURS: Record<string, string> = {
  person: '#1f77b4',
  organization: '#d62728',
  phone: '#2ca02c',
  vehicle: '#ff7f0e',
  address: '#9467bd',
  account: '#8c564b',
  place: '#17becf',
  email: '#bcbd22',
  identifier: '#e377c2',
};
export const OTHER_TYPE_COLOUR = '#7f7f7f';

export function typeColour(type: string | null): string {
  return (type !== null && TYPE_COLOURS[type]) || OTHER_TYPE_COLOUR;
}

// Colours for communities: the largest community on the chart first. More communities than
// colours share the last, grey, colour ("other"); a node without a value has none (unknown).
export const COMMUNITY_PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c', '#008080', '#9a6324', '#800000', '#000075'];
export const COMMUNITY_OTHER = '#a9a9a9';

export function communityColours(values: Record<string, number>): Map<string, string> {
  const sizes = new Map<number, number>();
  for (const value of Object.values(values)) sizes.set(value, (sizes.get(value) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([community]) => community);
  const colourOf = new Map(order.map((community, i) => [community, COMMUNITY_PALETTE[i] ?? COMMUNITY_OTHER]));
  const colours = new Map<string, string>();
  for (const [id, value] of Object.entries(values)) colours.set(id, colourOf.get(value) ?? COMMUNITY_OTHER);
  return colours;
}

export const NODE_SIZE = { min: 18, base: 28, max: 64 };

// Node diameters from centrality values: the square root of the value over the largest one on the
// chart, between NODE_SIZE.min and .max. Nodes without a value are not in the map (drawn at the
// base size and their centrality shown as unknown).
export function centralitySizes(values: Record<string, number>): Map<string, number> {
  const sizes = new Map<string, number>();
  const finite = Object.entries(values).filter(([, v]) => Number.isFinite(v) && v >= 0);
  const top = Math.max(0, ...finite.map(([, v]) => v));
  for (const [id, value] of finite) {
    const share = top > 0 ? Math.sqrt(value / top) : 0;
    sizes.set(id, Math.round(NODE_SIZE.min + share * (NODE_SIZE.max - NODE_SIZE.min)));
  }
  return sizes;
}

// --- Export ---

export interface DrawnNode {
  id: string;
  label: string;
  x: number;
  y: number;
  size: number;
  colour: string;
  highlighted: boolean;
  synthetic: boolean;
}

export interface DrawnLink {
  id: string;
  from: string;
  to: string;
  label: string;
  highlighted: boolean;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

// The marking banner of an exported chart: the text shown (in the reader's language) and the
// marking's name, which the SVG also keeps in a data-marking attribute for machines.
export interface MarkingBanner {
  marking: Marking;
  text: string;
}

const BANNER_HEIGHT = 24;

// The chart as a standalone SVG document: links as lines, nodes as circles with their labels.
// `note` (e.g. "SYNTHETIC data") is written at the top when given; `banner`, the chart's marking,
// across the top and the bottom of the image.
export function chartSvg(nodes: DrawnNode[], links: DrawnLink[], note: string | null = null, banner: MarkingBanner | null = null): string {
  const pad = 40;
  const xs = nodes.flatMap((n) => [n.x - n.size / 2, n.x + n.size / 2]);
  const ys = nodes.flatMap((n) => [n.y - n.size / 2, n.y + n.size / 2 + 16]);
  const bannerRoom = banner ? BANNER_HEIGHT : 0;
  const minX = Math.min(0, ...xs) - pad;
  const minY = Math.min(0, ...ys) - pad - (note ? 20 : 0) - bannerRoom;
  const width = Math.max(1, ...xs) - minX + pad;
  const height = Math.max(1, ...ys) - minY + pad + bannerRoom;
  const at = new Map(nodes.map((n) => [n.id, n]));
  const f = (v: number): string => String(Math.round(v * 10) / 10);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${f(minX)} ${f(minY)} ${f(width)} ${f(height)}" width="${f(width)}" height="${f(height)}" font-family="sans-serif">`);
  out.push(`<rect x="${f(minX)}" y="${f(minY)}" width="${f(width)}" height="${f(height)}" fill="#ffffff"/>`);
  if (banner) {
    const colours = MARKING_COLOURS[banner.marking];
    for (const [position, y] of [['top', minY], ['bottom', minY + height - BANNER_HEIGHT]] as const) {
      out.push(`<g class="marking-banner" data-marking="${banner.marking}" data-position="${position}"><rect x="${f(minX)}" y="${f(y)}" width="${f(width)}" height="${BANNER_HEIGHT}" fill="${colours.fill}"/>`
        + `<text x="${f(minX + width / 2)}" y="${f(y + 17)}" font-size="14" font-weight="bold" text-anchor="middle" fill="${colours.text}">${escapeXml(banner.text)}</text></g>`);
    }
  }
  if (note) out.push(`<text x="${f(minX + 10)}" y="${f(minY + bannerRoom + 20)}" font-size="14" font-weight="bold" fill="#b00020">${escapeXml(note)}</text>`);
  for (const link of links) {
    const a = at.get(link.from);
    const b = at.get(link.to);
    if (!a || !b) continue;
    out.push(`<line data-id="${escapeXml(link.id)}" x1="${f(a.x)}" y1="${f(a.y)}" x2="${f(b.x)}" y2="${f(b.y)}" stroke="${link.highlighted ? '#ff8c00' : '#9aa5b1'}" stroke-width="${link.highlighted ? 4 : 1.5}"><title>${escapeXml(link.label)}</title></line>`);
  }
  for (const node of nodes) {
    out.push(`<g data-id="${escapeXml(node.id)}"><circle cx="${f(node.x)}" cy="${f(node.y)}" r="${f(node.size / 2)}" fill="${node.colour}" stroke="${node.highlighted ? '#ff8c00' : '#ffffff'}" stroke-width="${node.highlighted ? 4 : 1.5}"/>`
      + `<text x="${f(node.x)}" y="${f(node.y + node.size / 2 + 13)}" font-size="11" text-anchor="middle" fill="#1d232b">${escapeXml(node.label)}</text></g>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

// --- Jobs ---

// How a job is run, given the requests (the API, or a mock in the unit tests): start it, report
// each state until it has finished, then fetch the values of `ids` (in chunks of `chunk`) when
// it is done. Stops early (null) when `stillWanted` says the screen has gone.
export interface JobRequests {
  start(kind: string): Promise<Job>;
  get(id: string): Promise<Job>;
  values(id: string, ids: string[]): Promise<JobValues>;
  wait(): Promise<void>;
}

export async function runJobToValues(
  requests: JobRequests,
  kind: string,
  ids: () => string[],
  onState: (job: Job) => void,
  stillWanted: () => boolean = () => true,
  chunk = 100,
): Promise<{ job: Job; values: Record<string, number> | null } | null> {
  let job = await requests.start(kind);
  onState(job);
  while (!jobFinished(job.state)) {
    await requests.wait();
    if (!stillWanted()) return null;
    job = await requests.get(job.id);
    onState(job);
  }
  if (job.state !== 'done') return { job, values: null };
  return { job, values: await fetchJobValues(requests, job.id, ids(), chunk) };
}

// The values of `ids` from a finished job; an id the job has no value for is left out (unknown).
export async function fetchJobValues(requests: Pick<JobRequests, 'values'>, jobId: string, ids: string[], chunk = 100): Promise<Record<string, number>> {
  const values: Record<string, number> = {};
  for (let i = 0; i < ids.length; i += chunk) {
    const answer = await requests.values(jobId, ids.slice(i, i + chunk));
    for (const [id, value] of Object.entries(answer.values ?? {})) if (typeof value === 'number' && Number.isFinite(value)) values[id] = value;
  }
  return values;
}
