// The Links screen (#/links): a link chart over /api/v1/graph/. Search an entity and add it, click a
// node to expand it (1 hop, capped: "and M more" pages on), Shift+click two nodes for the shortest
// path, size by PageRank and colour by community (server jobs with a progress bar and Cancel), a
// time slider that hides links not valid on a day, a details panel, a legend and export; a banner
// over the chart says the highest marking of what it draws, and every export carries it. The chart
// is drawn by Cytoscape.js on a canvas; the list under it holds the same entities with buttons, so
// everything can be done from the keyboard. The logic lives in ../links.ts (unit-tested).
import cytoscape from 'cytoscape';
import { getJson, requestJson } from '../api';
import { h, sourceLink } from '../dom';
import { formatDecimal, formatInteger, unknownText } from '../format';
import { translateOpen } from '../i18n';
import {
  ENTITY_TYPES,
  GRAPH_PATHS,
  NODE_SIZE,
  applyMerge,
  applyUnmerge,
  OTHER_TYPE_COLOUR,
  centralitySizes,
  chartMarking,
  chartSvg,
  communityColours,
  dateRange,
  dayText,
  emptyChart,
  fetchJobValues,
  fetchPagesAgain,
  hiddenLinks,
  mergeExpand,
  mergeGraph,
  mergesSeen,
  nextExpandPage,
  pathHighlight,
  pickForPath,
  recordExpansion,
  runJobToValues,
  typeColour,
  type EntityDetails,
  type ChartSelection,
  type ExpandAnswer,
  type ExpandedAs,
  type GraphNode,
  type GraphSummary,
  type Job,
  type JobRequests,
  type JobValues,
  type MarkingBanner,
  type PathAnswer,
  type PathHighlight,
  type SearchAnswer,
} from '../links';
import { MARKING_COLOURS, isMarking, markingKey, type Marking } from '../marking';
import type { MessageKey } from '../messages';
import { errorBox, textOrUnknown, unknown, type Ctx } from '../components/common';
import { DuplicatesPanel, type MergeChange } from './duplicates';

// Links followed per expanded node before "and M more"; each click on "more" raises it by as much.
export const EXPAND_CAP = 20;
const EXPAND_LIMIT = 200;
const SEARCH_LIMIT = 20;
const POLL_MS = 250;
const VALUES_CHUNK = 100;
// Shortest paths lit at once (all of them when there are no more).
const MAX_PATHS = 10;

type AnalysisKind = 'pagerank' | 'communities';

function typeName(type: string | null, ctx: Ctx): string {
  return translateOpen(ctx.t, 'entityType', type) ?? unknownText(ctx.lang);
}

function linkTypeName(type: string | null, ctx: Ctx): string {
  return translateOpen(ctx.t, 'linkType', type) ?? unknownText(ctx.lang);
}

function syntheticTag(ctx: Ctx, testId = 'synthetic-tag'): HTMLElement {
  return h('span', { class: 'synthetic-tag', 'data-testid': testId }, ctx.t('seizures.syntheticTag'));
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

class LinkChart {
  readonly ctx: Ctx;
  readonly chart = emptyChart();
  readonly expanded = new Set<string>();
  // The cap each expanded node was last expanded with and the pages of nodes fetched with it
  // (fetched again so after a merge or an unmerge).
  readonly expandedAs = new Map<string, ExpandedAs>();
  picked: string[] = [];
  path: PathHighlight | null = null;
  selected: string | null = null;
  day: number | null = null;
  centrality: Record<string, number> | null = null;
  communities: Record<string, number> | null = null;
  readonly cy: cytoscape.Core;

  // The screen's parts.
  readonly root: HTMLElement;
  readonly container: HTMLElement;
  readonly status: HTMLElement;
  readonly nodeList: HTMLElement;
  readonly synthNote: HTMLElement;
  readonly markingNote: HTMLElement;
  readonly details: HTMLElement;
  readonly pathPanel: HTMLElement;
  readonly jobPanel: HTMLElement;
  readonly timePanel: HTMLElement;
  readonly styleNote: HTMLElement;
  readonly jobButtons: HTMLButtonElement[] = [];
  readonly summaryLine: HTMLElement;

  constructor(ctx: Ctx, summary: GraphSummary) {
    this.ctx = ctx;
    const t = ctx.t;
    this.container = h('div', { class: 'link-chart', 'data-testid': 'link-chart', role: 'img', 'aria-label': t('links.chartAria') });
    this.status = h('div', { class: 'link-status', 'aria-live': 'polite', 'data-testid': 'links-status' });
    this.nodeList = h('div', { class: 'link-node-list', 'data-testid': 'node-list' });
    this.synthNote = h('div', { 'data-testid': 'chart-synthetic' });
    this.markingNote = h('div', { 'data-testid': 'chart-marking' });
    this.details = h('div', { 'data-testid': 'entity-details' }, h('p', { class: 'empty' }, t('links.detailsEmpty')));
    this.pathPanel = h('div', { 'data-testid': 'path-panel' });
    this.jobPanel = h('div', { class: 'job-panel', 'data-testid': 'job-panel', 'aria-live': 'polite' });
    this.timePanel = h('div', { 'data-testid': 'time-panel' });
    this.styleNote = h('div', { class: 'muted', 'data-testid': 'style-note' });

    this.cy = cytoscape({
      container: this.container,
      elements: [],
      layout: { name: 'preset' },
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            width: 'data(size)',
            height: 'data(size)',
            label: 'data(label)',
            'font-size': 10,
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-wrap': 'wrap',
            'text-max-width': '120px',
            'border-width': 1.5,
            'border-color': '#ffffff',
            color: '#1d232b',
          },
        },
        { selector: 'node[?synthetic]', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#a1005c' } },
        { selector: 'node.selected', style: { 'border-width': 4, 'border-color': '#1d232b', 'border-style': 'solid' } },
        { selector: 'node.picked', style: { 'border-width': 5, 'border-color': '#0b5cad', 'border-style': 'double' } },
        { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#ff8c00', 'border-style': 'solid' } },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#9aa5b1',
            'curve-style': 'bezier',
            label: 'data(label)',
            'font-size': 8,
            color: '#5b6570',
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.8,
          },
        },
        { selector: 'edge.path', style: { width: 4, 'line-color': '#ff8c00' } },
        { selector: '.faded', style: { opacity: 0.3 } },
        { selector: 'edge.time-hidden', style: { display: 'none' } },
      ],
    });
    // The DOM element carries the chart for the browser test (it reads node positions to click).
    (this.container as unknown as { cy: cytoscape.Core }).cy = this.cy;
    new ResizeObserver(() => this.cy.resize()).observe(this.container);
    // Cytoscape keeps the container's place on the page; the page above it may have moved since
    // (a banner, a message), so it is measured again before each click is read.
    for (const type of ['mousedown', 'touchstart']) this.container.addEventListener(type, () => this.cy.resize(), { capture: true });

    this.cy.on('tap', 'node', (event) => {
      const id = event.target.id() as string;
      const original = event.originalEvent as MouseEvent | undefined;
      if (original?.shiftKey) {
        this.pick(id);
        return;
      }
      void this.select(id);
      void this.expandOrMore(id);
    });
    this.cy.on('tap', 'edge', (event) => this.showLink(event.target.id() as string));

    this.summaryLine = h('p', { class: 'muted', 'data-testid': 'graph-summary' });
    this.showSummary(summary);
    this.root = this.layout(summary);
    this.renderPathPanel();
    this.renderTimePanel();
    this.renderNodeList();
  }

  // --- Layout of the screen ---

  private layout(summary: GraphSummary): HTMLElement {
    const { t } = this.ctx;
    const panel = (id: string, title: string, ...children: Array<Node | null>): HTMLElement =>
      h('section', { class: 'panel', 'aria-labelledby': `${id}-title`, 'data-testid': id }, h('h2', { id: `${id}-title` }, title), ...children);

    const searchInput = h('input', { type: 'search', id: 'links-q', name: 'q', autocomplete: 'off', 'data-testid': 'links-search' });
    const results = h('div', { 'data-testid': 'search-results', 'aria-live': 'polite' });
    const form = h('form', { class: 'picker-form', role: 'search' },
      h('label', { for: 'links-q' }, t('links.search')), ' ', searchInput, ' ',
      h('button', { type: 'submit', 'data-testid': 'links-search-submit' }, t('links.searchSubmit')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.search(searchInput.value.trim(), results);
    });

    const jobButton = (kind: AnalysisKind, label: MessageKey): HTMLButtonElement => {
      const button = h('button', { type: 'button', 'data-testid': `job-${kind}` }, t(label));
      button.addEventListener('click', () => void this.runJob(kind));
      this.jobButtons.push(button);
      return button;
    };
    const reset = h('button', { type: 'button', class: 'secondary', 'data-testid': 'style-reset' }, t('links.resetStyle'));
    reset.addEventListener('click', () => {
      this.centrality = null;
      this.communities = null;
      this.restyle();
    });

    const exportButton = (format: 'png' | 'svg' | 'json', label: MessageKey): HTMLButtonElement => {
      const button = h('button', { type: 'button', 'data-testid': `export-${format}` }, t(label));
      button.addEventListener('click', () => void this.export(format));
      return button;
    };

    const relayout = h('button', { type: 'button', class: 'secondary', 'data-testid': 'chart-layout' }, t('links.layout'));
    relayout.addEventListener('click', () => this.arrange());
    const clear = h('button', { type: 'button', class: 'secondary', 'data-testid': 'chart-clear' }, t('links.clear'));
    clear.addEventListener('click', () => this.clear());

    const legend = h('ul', { class: 'type-legend', 'data-testid': 'type-legend' },
      [...ENTITY_TYPES, null].map((type) => h('li', null,
        h('span', { class: 'swatch', style: `background:${type === null ? OTHER_TYPE_COLOUR : typeColour(type)}`, 'aria-hidden': 'true' }),
        type === null ? t('entityType.other') : typeName(type, this.ctx))),
      h('li', null, h('span', { class: 'swatch swatch-synthetic', 'aria-hidden': 'true' }), t('seizures.syntheticTag')),
      h('li', null, h('span', { class: 'swatch swatch-path', 'aria-hidden': 'true' }), t('links.pathTitle')));

    return h('div', { class: 'view links-view' },
      h('h1', { 'data-testid': 'page-title' }, t('links.title')),
      h('p', { class: 'explain' }, t('links.intro')),
      this.summaryLine,
      summary.entities === 0 ? h('p', { class: 'warning' }, t('links.noEntities')) : null,
      h('div', { class: 'links-layout' },
        h('div', { class: 'links-main' },
          this.markingNote,
          this.synthNote,
          h('div', { class: 'chart-tools' }, relayout, ' ', clear),
          this.container,
          this.status,
          this.styleNote,
          panel('links-list', t('links.nodeList'), this.nodeList)),
        h('div', { class: 'links-side' },
          panel('links-search-panel', t('links.searchSubmit'), form, results),
          panel('links-details', t('links.details'), this.details),
          panel('links-path', t('links.pathTitle'), this.pathPanel),
          panel('links-analysis', t('links.analysis'),
            h('p', { class: 'button-row' }, jobButton('pagerank', 'links.sizeByCentrality'), ' ', jobButton('communities', 'links.colourByCommunity'), ' ', reset),
            this.jobPanel),
          panel('links-time', t('links.timeTitle'), this.timePanel),
          panel('links-duplicates', t('dupes.title'), new DuplicatesPanel(this.ctx, (change) => this.mergeChanged(change)).root),
          panel('links-export', t('links.export'),
            h('p', { class: 'button-row' }, exportButton('png', 'links.exportPng'), ' ', exportButton('svg', 'links.exportSvg'), ' ', exportButton('json', 'links.exportJson'))),
          panel('links-legend', t('links.legend'), legend))));
  }

  private showSummary(summary: GraphSummary): void {
    const { t, lang } = this.ctx;
    this.summaryLine.textContent =
      t('links.summary', { entities: formatInteger(summary.entities, lang), links: formatInteger(summary.links, lang) });
  }

  // After a merge or an unmerge: the server serves the new graph from the next request on.
  private async refreshSummary(): Promise<void> {
    try {
      this.showSummary(await requestJson<GraphSummary>('GET', GRAPH_PATHS.summary));
    } catch (error) {
      this.showError(error);
    }
  }

  // A merge or an unmerge from the Duplicates panel: the counts, then what the chart draws.
  private async mergeChanged(change: MergeChange): Promise<void> {
    await this.refreshSummary();
    try {
      if (change.kind === 'merge') await this.showMerge(change.merge.kept, change.merge.merged, null, true);
      else await this.showUnmerge(change.merge.kept, change.merge.merged);
    } catch (error) {
      this.showError(error);
    }
  }

  private selection(): ChartSelection {
    return { expanded: this.expanded, picked: this.picked, path: this.path, selected: this.selected };
  }

  private takeSelection(selection: ChartSelection): void {
    this.picked = selection.picked;
    this.path = selection.path;
    this.selected = selection.selected;
  }

  // The merged-away nodes leave the chart for the kept one, which takes the first one's place when
  // it was not drawn; their links attach to it. With `reexpand`, an expanded group is expanded again
  // to draw the links the kept entity now has.
  private async showMerge(keptId: string, merged: string[], keptNode: GraphNode | null, reexpand: boolean): Promise<void> {
    const away = merged.filter((id) => id !== keptId && this.chart.nodes.has(id));
    if (away.length === 0) return;
    let kept = keptNode ?? this.chart.nodes.get(keptId) ?? null;
    if (kept === null) {
      const entity = await requestJson<EntityDetails>('GET', GRAPH_PATHS.entity(keptId));
      kept = { id: entity.id, name: entity.name, type: entity.type, synthetic: entity.synthetic, compartment: entity.compartment, marking: entity.marking };
    }
    const place = { ...this.cy.getElementById(away[0] as string).position() };
    const group = [keptId, ...away].map((id) => this.expandedAs.get(id)).filter((as) => as !== undefined);
    const cap = Math.max(EXPAND_CAP, ...group.map((as) => as.cap));
    const upTo = Math.max(0, ...group.filter((as) => as.cap === cap).map((as) => as.upTo));
    const selected = this.selected;
    const selection = this.selection();
    const result = applyMerge(this.chart, selection, kept, merged);
    this.takeSelection(selection);
    for (const id of result.removed) this.expandedAs.delete(id);
    this.cy.batch(() => {
      for (const id of result.removed) this.cy.getElementById(id).remove();
      if (result.keptAdded) this.addNodeElement(keptId, place);
      for (const id of result.relinked) {
        this.cy.getElementById(`link:${id}`).remove();
        this.addLinkElement(id);
      }
    });
    this.restyle();
    this.renderPathPanel();
    this.renderTimePanel();
    this.renderNodeList();
    if (selected !== this.selected && this.selected !== null) void this.select(this.selected);
    if (reexpand && result.reexpand) await this.expandAgain(keptId, { cap, upTo });
  }

  // The kept node's links are taken off (some are the restored entities'), then what the chart
  // shows is fetched again: the expanded nodes, the restored entities when their group had been
  // expanded (drawn beside the kept node), the path when it went through the kept node.
  private async showUnmerge(keptId: string, merged: string[]): Promise<void> {
    const keptAs = this.expandedAs.get(keptId) ?? { cap: EXPAND_CAP, upTo: 0 };
    const selection = this.selection();
    const result = applyUnmerge(this.chart, selection, keptId, merged);
    this.takeSelection(selection);
    for (const id of result.dropped) this.cy.getElementById(`link:${id}`).remove();
    this.restyle();
    this.renderPathPanel();
    this.renderTimePanel();
    this.renderNodeList();
    for (const seed of result.seeds) {
      if (this.chart.nodes.has(seed)) await this.expandAgain(seed, this.expandedAs.get(seed) ?? { cap: EXPAND_CAP, upTo: 0 });
    }
    const near = this.cy.getElementById(keptId).length > 0 ? this.cy.getElementById(keptId).position() : null;
    for (const [i, id] of result.restored.entries()) {
      const placed = new Map<string, { x: number; y: number }>();
      if (near !== null && !this.chart.nodes.has(id)) placed.set(id, { x: near.x + 70 * (i + 1), y: near.y + 50 });
      await this.expandAgain(id, keptAs, placed);
    }
    if (result.repath) await this.findPathBetween(result.repath.from, result.repath.to);
  }

  private showError(error: unknown, where: HTMLElement = this.status): void {
    where.replaceChildren(errorBox(error, this.ctx));
  }

  // --- Search and adding ---

  private async search(q: string, results: HTMLElement): Promise<void> {
    const { t, lang } = this.ctx;
    if (q === '') return;
    results.replaceChildren(h('p', { class: 'loading' }, t('loading')));
    try {
      const answer = await requestJson<SearchAnswer>('GET', GRAPH_PATHS.search, { q, limit: SEARCH_LIMIT });
      if (answer.entities.length === 0) {
        results.replaceChildren(h('p', { class: 'empty', 'data-testid': 'search-none' }, t('links.noResults')));
        return;
      }
      results.replaceChildren(
        h('p', { class: 'muted' }, t('links.results', { n: formatInteger(answer.entities.length, lang), total: formatInteger(answer.total, lang) })),
        h('ul', { class: 'search-results' }, answer.entities.map((entity) => {
          const add = h('button', { type: 'button', 'data-testid': 'search-add', 'data-id': entity.id }, t('links.add'));
          add.addEventListener('click', () => void this.addEntity({
            id: entity.id, name: entity.name, type: entity.type, synthetic: entity.synthetic, compartment: entity.compartment, marking: entity.marking,
          }));
          return h('li', { 'data-testid': 'search-result' },
            h('strong', null, entity.name ?? entity.id), ' ',
            h('span', { class: 'muted' }, `${typeName(entity.type, this.ctx)} · ${entity.id}`), ' ',
            entity.synthetic ? syntheticTag(this.ctx) : null, ' ', add);
        })));
    } catch (error) {
      this.showError(error, results);
    }
  }

  async addEntity(node: GraphNode): Promise<void> {
    const added = mergeGraph(this.chart, [node], []);
    this.draw(added.nodes, added.links, null);
    await this.select(node.id);
    this.cy.getElementById(node.id).length && this.cy.center(this.cy.getElementById(node.id));
  }

  async addSeeds(ids: string[]): Promise<void> {
    for (const id of ids) {
      try {
        const entity = await getJson<EntityDetails>(GRAPH_PATHS.entity(id));
        await this.addEntity({
          id: entity.id, name: entity.name, type: entity.type, synthetic: entity.synthetic, compartment: entity.compartment, marking: entity.marking,
        });
      } catch (error) {
        this.showError(error);
      }
    }
  }

  // --- Expansion ---

  private async expandOrMore(id: string): Promise<void> {
    if (!this.expanded.has(id)) await this.expand(id, EXPAND_CAP, 0);
    else {
      const more = this.chart.more.get(id);
      if (more) await this.expand(id, nextExpandPage(more, EXPAND_CAP).cap, nextExpandPage(more, EXPAND_CAP).offset);
    }
  }

  // Fetches the expansion of `id` again, each page of nodes it had reached.
  private async expandAgain(id: string, as: ExpandedAs, placed: Map<string, { x: number; y: number }> = new Map()): Promise<void> {
    await fetchPagesAgain(as.upTo, (offset) => this.expand(id, as.cap, offset, placed));
  }

  // Fetches one page of the expansion of `id`; gives the offset of the next page of the node it
  // drew (null when there is none, or when the request failed).
  async expand(id: string, cap: number, offset: number, placed: Map<string, { x: number; y: number }> = new Map()): Promise<number | null> {
    this.status.replaceChildren(h('p', { class: 'loading' }, this.ctx.t('loading')));
    try {
      const answer = await requestJson<ExpandAnswer>('GET', GRAPH_PATHS.expand, {
        seed: id, hops: 1, cap, offset, limit: EXPAND_LIMIT, as_of: this.day === null ? null : dayText(this.day),
      });
      // Entities merged since they were drawn (by another analyst too) give way to their group.
      let seed = id;
      for (const seen of mergesSeen(this.chart, answer.nodes)) {
        if (seen.merged.includes(seed)) seed = seen.kept.id;
        await this.showMerge(seen.kept.id, seen.merged, seen.kept, false);
      }
      this.expanded.add(seed);
      this.expandedAs.set(seed, recordExpansion(this.expandedAs.get(seed), cap, offset));
      const added = mergeExpand(this.chart, seed, answer, cap);
      this.draw(added.nodes, added.links, seed, placed);
      this.status.replaceChildren();
      await this.refreshValues();
      return this.chart.more.get(seed)?.nextOffset ?? null;
    } catch (error) {
      this.showError(error);
      return null;
    }
  }

  // --- Drawing ---

  private nodeLabel(id: string): string {
    const node = this.chart.nodes.get(id);
    const name = node?.name ?? id;
    const more = this.chart.more.get(id);
    if (!more) return name;
    return `${name}\n(${more.more > 0 ? this.ctx.t('links.more', { n: formatInteger(more.more, this.ctx.lang) }) : this.ctx.t('links.moreNodes')})`;
  }

  private nodeColour(id: string): string {
    const community = this.communities ? communityColours(this.communities).get(id) : undefined;
    return community ?? typeColour(this.chart.nodes.get(id)?.type ?? null);
  }

  // Adds new elements, placing new nodes in a ring around `around` (or the chart's middle).
  private draw(nodes: string[], links: string[], around: string | null, placed: Map<string, { x: number; y: number }> = new Map()): void {
    const centre = around !== null && this.cy.getElementById(around).length > 0
      ? this.cy.getElementById(around).position()
      : { x: this.cy.width() / 2 || 300, y: this.cy.height() / 2 || 200 };
    const first = this.cy.nodes().length === 0;
    // New nodes go on a ring around `around`, each pushed outwards until it is clear of the others.
    const taken = this.cy.nodes().map((n) => ({ ...n.position() }));
    const clear = (p: { x: number; y: number }): boolean => taken.every((q) => Math.hypot(p.x - q.x, p.y - q.y) > 45);
    const radius = Math.max(90, (nodes.length * 50) / (2 * Math.PI));
    nodes.forEach((id, i) => {
      const node = this.chart.nodes.get(id) as GraphNode;
      const angle = (2 * Math.PI * i) / Math.max(1, nodes.length) + 0.3;
      let position = placed.get(id) ?? (first && nodes.length === 1 ? centre : null);
      for (let r = radius; position === null; r += 40) {
        const candidate = { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
        if (clear(candidate) || r > radius + 40 * 30) position = candidate;
      }
      taken.push(position);
      this.addNodeElement(node.id, position);
    });
    for (const id of links) this.addLinkElement(id);
    if (nodes.length > 0 && this.cy.nodes().length > 1) {
      this.cy.fit(undefined, 40);
    }
    this.restyle();
    this.renderTimePanel();
    this.renderNodeList();
  }

  private addNodeElement(id: string, position: { x: number; y: number }): void {
    const node = this.chart.nodes.get(id);
    if (!node) return;
    this.cy.add({
      group: 'nodes',
      data: { id, label: node.name ?? id, colour: typeColour(node.type), size: NODE_SIZE.base, synthetic: node.synthetic },
      position,
    });
  }

  private addLinkElement(id: string): void {
    const link = this.chart.links.get(id);
    if (!link) return;
    this.cy.add({ group: 'edges', data: { id: `link:${id}`, source: link.from, target: link.to, label: linkTypeName(link.type, this.ctx) } });
  }

  private arrange(): void {
    this.cy.layout({ name: 'cose', animate: false, randomize: false, fit: true, padding: 40 }).run();
  }

  private clear(): void {
    this.cy.elements().remove();
    this.chart.nodes.clear();
    this.chart.links.clear();
    this.chart.more.clear();
    this.expanded.clear();
    this.expandedAs.clear();
    this.picked = [];
    this.path = null;
    this.selected = null;
    this.details.replaceChildren(h('p', { class: 'empty' }, this.ctx.t('links.detailsEmpty')));
    this.status.replaceChildren();
    this.renderPathPanel();
    this.renderTimePanel();
    this.renderNodeList();
  }

  private remove(id: string): void {
    this.cy.getElementById(id).remove();
    this.chart.nodes.delete(id);
    for (const [linkId, link] of this.chart.links) if (link.from === id || link.to === id) this.chart.links.delete(linkId);
    this.chart.more.delete(id);
    this.expanded.delete(id);
    this.expandedAs.delete(id);
    this.picked = this.picked.filter((p) => p !== id);
    if (this.path && this.path.nodes.has(id)) this.path = null;
    if (this.selected === id) {
      this.selected = null;
      this.details.replaceChildren(h('p', { class: 'empty' }, this.ctx.t('links.detailsEmpty')));
    }
    this.restyle();
    this.renderPathPanel();
    this.renderTimePanel();
    this.renderNodeList();
  }

  // Sizes, colours, labels and the classes for selection, picks, the path and the time slider.
  private restyle(): void {
    const hidden = hiddenLinks(this.chart.links.values(), this.day);
    const sizes = this.centrality ? centralitySizes(this.centrality) : null;
    const colours = this.communities ? communityColours(this.communities) : null;
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const id = node.id();
        const chartNode = this.chart.nodes.get(id);
        node.data('label', this.nodeLabel(id));
        node.data('size', sizes?.get(id) ?? NODE_SIZE.base);
        node.data('colour', colours?.get(id) ?? typeColour(chartNode?.type ?? null));
        node.toggleClass('selected', id === this.selected);
        node.toggleClass('picked', this.picked.includes(id));
        node.toggleClass('path', this.path?.nodes.has(id) ?? false);
        node.toggleClass('faded', this.path !== null && !this.path.nodes.has(id));
      });
      this.cy.edges().forEach((edge) => {
        const id = (edge.id() as string).slice('link:'.length);
        edge.toggleClass('time-hidden', hidden.has(id));
        edge.toggleClass('path', this.path?.links.has(id) ?? false);
        edge.toggleClass('faded', this.path !== null && !this.path.links.has(id));
      });
    });
    const marking = chartMarking(this.chart, hidden);
    this.markingNote.replaceChildren(this.chart.nodes.size === 0 ? '' : h('p', {
      class: `marking-banner marking-${marking}`, role: 'note', 'data-testid': 'marking-banner', 'data-marking': marking,
      style: `background:${MARKING_COLOURS[marking].fill};color:${MARKING_COLOURS[marking].text}`,
    }, this.ctx.t('links.markingBanner', { marking: this.markingLabel(marking) })));
    const synthetic = [...this.chart.nodes.values()].some((n) => n.synthetic);
    this.synthNote.replaceChildren(synthetic
      ? h('p', { class: 'synthetic-banner', role: 'note', 'data-testid': 'synthetic-banner' },
        h('strong', null, this.ctx.t('seizures.syntheticTag')), ' ', this.ctx.t('links.syntheticOnChart', { tag: this.ctx.t('seizures.syntheticTag') }))
      : '');
    const notes: HTMLElement[] = [];
    if (this.centrality) notes.push(h('p', { 'data-testid': 'sized-note' }, this.ctx.t('links.sizedBy')));
    if (this.communities) {
      const shown = new Set([...this.chart.nodes.keys()].map((id) => this.communities?.[id]).filter((v) => v !== undefined));
      notes.push(h('p', { 'data-testid': 'coloured-note' }, this.ctx.t('links.colouredBy', { n: formatInteger(shown.size, this.ctx.lang) })));
    }
    this.styleNote.replaceChildren(...notes);
  }

  private markingLabel(marking: Marking): string {
    return this.ctx.t(markingKey(marking)).toLocaleUpperCase(this.ctx.lang);
  }

  private renderNodeList(): void {
    const { t, lang } = this.ctx;
    if (this.chart.nodes.size === 0) {
      this.nodeList.replaceChildren(h('p', { class: 'empty', 'data-testid': 'chart-empty' }, t('links.chartEmpty')));
      return;
    }
    const rows = [...this.chart.nodes.values()].map((node) => {
      const button = (label: string, testId: string, action: () => void, attrs: Record<string, string> = {}): HTMLButtonElement => {
        const b = h('button', { type: 'button', class: 'small', 'data-testid': testId, ...attrs }, label);
        b.addEventListener('click', action);
        return b;
      };
      const more = this.chart.more.get(node.id);
      return h('tr', { 'data-testid': 'chart-node', 'data-id': node.id },
        h('th', { scope: 'row' },
          h('span', { class: 'swatch', style: `background:${this.nodeColour(node.id)}`, 'aria-hidden': 'true' }), ' ',
          node.name ?? node.id, ' ', node.synthetic ? syntheticTag(this.ctx) : null),
        h('td', null, typeName(node.type, this.ctx)),
        h('td', { class: 'button-row' },
          button(t('links.select'), 'node-select', () => void this.select(node.id)), ' ',
          this.expanded.has(node.id) ? null : button(t('links.expand'), 'node-expand', () => void this.expand(node.id, EXPAND_CAP, 0)),
          more ? button(more.more > 0 ? t('links.more', { n: formatInteger(more.more, lang) }) : t('links.moreNodes'), 'node-more',
            () => void this.expand(node.id, nextExpandPage(more, EXPAND_CAP).cap, nextExpandPage(more, EXPAND_CAP).offset)) : null, ' ',
          button(t('links.pick'), 'node-pick', () => this.pick(node.id), { 'aria-pressed': String(this.picked.includes(node.id)) }), ' ',
          button(t('links.remove'), 'node-remove', () => this.remove(node.id))));
    });
    this.nodeList.replaceChildren(h('div', { class: 'table-scroll' },
      h('table', { class: 'node-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('links.field.name')), h('th', { scope: 'col' }, t('links.field.type')), h('th', { scope: 'col' }, ''))),
        h('tbody', null, rows))));
  }

  // --- Details ---

  async select(id: string): Promise<void> {
    this.selected = id;
    this.restyle();
    const { t, lang } = this.ctx;
    this.details.replaceChildren(h('p', { class: 'loading' }, t('loading')));
    try {
      const entity = await getJson<EntityDetails>(GRAPH_PATHS.entity(id));
      if (this.selected !== id) return;
      const row = (label: string, value: Node): HTMLElement[] => [h('dt', null, label), h('dd', null, value)];
      const sourceValue = entity.source
        ? (/^https?:\/\//.test(entity.source) ? sourceLink(entity.source, entity.source) : document.createTextNode(entity.source))
        : unknown(lang);
      const properties = Object.entries(entity.properties ?? {}).sort(([a], [b]) => a.localeCompare(b));
      const pagerank = this.centrality ? this.centrality[id] : undefined;
      const community = this.communities ? this.communities[id] : undefined;
      this.details.replaceChildren(
        h('h3', { 'data-testid': 'details-name' }, entity.name ?? entity.id, ' ', entity.synthetic ? syntheticTag(this.ctx, 'details-synthetic') : null),
        entity.synthetic ? h('p', { class: 'synthetic-banner', role: 'note' }, h('strong', null, t('seizures.syntheticTag')), ' ', t('links.syntheticText')) : '',
        h('dl', { class: 'facts-list', 'data-testid': 'details-fields' },
          row(t('links.field.id'), document.createTextNode(entity.id)),
          row(t('links.field.type'), document.createTextNode(typeName(entity.type, this.ctx))),
          row(t('links.field.schema'), textOrUnknown(entity.schema, lang)),
          row(t('links.field.source'), sourceValue),
          row(t('links.field.case'), textOrUnknown(entity.case, lang)),
          isMarking(entity.marking) ? row(t('links.field.marking'), h('span', { 'data-testid': 'details-marking', 'data-marking': entity.marking }, this.markingLabel(entity.marking))) : [],
          row(t('links.field.degree'), entity.degree === null || entity.degree === undefined ? unknown(lang) : document.createTextNode(formatInteger(entity.degree, lang))),
          this.centrality ? row(t('links.field.pagerank'), pagerank === undefined ? unknown(lang) : document.createTextNode(formatDecimal(pagerank, 4, lang))) : [],
          this.communities ? row(t('links.field.community'), community === undefined ? unknown(lang) : document.createTextNode(String(community))) : []),
        h('h4', null, t('links.properties')),
        properties.length === 0
          ? h('p', { class: 'empty' }, t('none'))
          : h('dl', { class: 'facts-list properties', 'data-testid': 'details-properties' },
            properties.map(([key, values]) => [h('dt', { lang: 'en' }, key), h('dd', null, values.length ? values.join('; ') : unknown(lang))])));
    } catch (error) {
      if (this.selected === id) this.showError(error, this.details);
    }
  }

  private showLink(edgeId: string): void {
    const { t, lang } = this.ctx;
    const link = this.chart.links.get(edgeId.slice('link:'.length));
    if (!link) return;
    this.selected = null;
    this.restyle();
    const name = (id: string): string => this.chart.nodes.get(id)?.name ?? id;
    this.details.replaceChildren(
      h('h3', { 'data-testid': 'details-name' }, `${linkTypeName(link.type, this.ctx)}: ${name(link.from)} — ${name(link.to)}`),
      h('p', null, t('links.linkDates', { from: link.start ?? unknownText(lang), to: link.end ?? unknownText(lang) })),
      isMarking(link.marking) ? h('p', { 'data-testid': 'details-marking', 'data-marking': link.marking }, t('marking.of', { marking: this.markingLabel(link.marking) })) : '',
      h('p', { class: 'muted' }, link.id));
  }

  // --- Path ---

  pick(id: string): void {
    this.picked = pickForPath(this.picked, id);
    this.restyle();
    this.renderPathPanel();
    this.renderNodeList();
  }

  private renderPathPanel(): void {
    const { t, lang } = this.ctx;
    const name = (id: string): string => this.chart.nodes.get(id)?.name ?? id;
    const parts: Node[] = [];
    if (this.picked.length === 0) parts.push(h('p', { class: 'muted' }, t('links.pathHint')));
    else if (this.picked.length === 1) parts.push(h('p', { 'data-testid': 'path-picked' }, t('links.pathOne', { from: name(this.picked[0] as string) })));
    else parts.push(h('p', { 'data-testid': 'path-picked' }, t('links.pathPicked', { from: name(this.picked[0] as string), to: name(this.picked[1] as string) })));
    const find = h('button', { type: 'button', 'data-testid': 'path-find', disabled: this.picked.length !== 2 }, t('links.findPath'));
    find.addEventListener('click', () => void this.findPath());
    parts.push(h('p', { class: 'button-row' }, find));
    if (this.path) {
      parts.push(h('p', { 'data-testid': 'path-result' }, this.path.count === 0
        ? t('links.noPath')
        : this.path.total !== null && this.path.total > this.path.count
          ? t('links.pathFoundSome', { total: formatInteger(this.path.total, lang), n: formatInteger(this.path.count, lang), len: formatInteger(this.path.length ?? 0, lang) })
          : t('links.pathFound', { n: formatInteger(this.path.count, lang), len: formatInteger(this.path.length ?? 0, lang) })));
      const clear = h('button', { type: 'button', class: 'secondary', 'data-testid': 'path-clear' }, t('links.clearPath'));
      clear.addEventListener('click', () => {
        this.path = null;
        this.restyle();
        this.renderPathPanel();
      });
      parts.push(h('p', null, clear));
    }
    parts.push(h('div', { 'data-testid': 'path-error' }));
    this.pathPanel.replaceChildren(...parts);
  }

  private async findPath(): Promise<void> {
    const [from, to] = this.picked;
    if (from === undefined || to === undefined) return;
    await this.findPathBetween(from, to);
  }

  private async findPathBetween(from: string, to: string): Promise<void> {
    try {
      const answer = await requestJson<PathAnswer>('GET', GRAPH_PATHS.path, {
        from, to, mode: 'all', max_paths: MAX_PATHS, as_of: this.day === null ? null : dayText(this.day),
      });
      // The path's entities and links not yet on the chart come with the answer.
      const added = mergeGraph(this.chart, answer.nodes, answer.links);
      // New entities of the path go on the line between its ends, in the path's order, a little off it.
      const placed = new Map<string, { x: number; y: number }>();
      const a = this.cy.getElementById(from).position();
      const b = this.cy.getElementById(to).position();
      const first = answer.paths[0]?.nodes ?? [];
      first.forEach((id, i) => {
        if (!added.nodes.includes(id) || first.length < 2) return;
        const share = i / (first.length - 1);
        placed.set(id, { x: a.x + (b.x - a.x) * share, y: a.y + (b.y - a.y) * share + (i % 2 === 0 ? 30 : -30) });
      });
      this.draw(added.nodes, added.links, from, placed);
      this.path = pathHighlight(from, to, answer);
      this.restyle();
      this.renderPathPanel();
    } catch (error) {
      this.renderPathPanel();
      this.showError(error, this.pathPanel.querySelector('[data-testid="path-error"]') as HTMLElement);
    }
  }

  // --- Jobs: PageRank sizes and community colours ---

  private async runJob(kind: AnalysisKind): Promise<void> {
    const { t } = this.ctx;
    const kindName = t(`links.job.${kind}` as MessageKey);
    for (const b of this.jobButtons) b.disabled = true;
    const bar = h('progress', { max: 1, 'data-testid': 'job-progress', 'aria-label': t('links.progressAria', { kind: kindName }) });
    const label = h('p', { 'data-testid': 'job-state' });
    const cancel = h('button', { type: 'button', class: 'secondary', 'data-testid': 'job-cancel' }, t('links.cancel'));
    this.jobPanel.replaceChildren(label, bar, ' ', cancel);
    const show = (job: Job): void => {
      label.textContent = t('links.jobStatus', { kind: kindName, state: t(`links.state.${job.state}` as MessageKey) });
      if (typeof job.progress === 'number') bar.value = job.progress;
      else bar.removeAttribute('value');
    };
    let jobId: string | null = null;
    cancel.addEventListener('click', () => {
      if (jobId === null) return;
      cancel.disabled = true;
      requestJson<Job>('DELETE', GRAPH_PATHS.job(jobId)).catch((error: unknown) => this.showError(error, this.jobPanel));
    });
    try {
      const result = await runJobToValues(this.requests, kind, () => [...this.chart.nodes.keys()], (job) => {
        jobId = job.id;
        show(job);
      }, () => this.root.isConnected, VALUES_CHUNK);
      if (result === null) return;
      cancel.remove();
      const { job, values } = result;
      if (job.state === 'failed' || job.state === 'interrupted') {
        this.jobPanel.append(h('p', { class: 'error', role: 'alert', 'data-testid': 'job-error' }, job.error ?? unknownText(this.ctx.lang)));
      } else if (values !== null) {
        bar.value = 1;
        if (kind === 'pagerank') {
          this.centrality = values;
          this.centralityJob = job.id;
        } else {
          this.communities = values;
          this.communityJob = job.id;
        }
        this.restyle();
        this.renderNodeList();
        if (this.selected) void this.select(this.selected);
      }
    } catch (error) {
      this.showError(error, this.jobPanel);
    } finally {
      for (const b of this.jobButtons) b.disabled = false;
    }
  }

  private readonly requests: JobRequests = {
    start: (kind) => requestJson<Job>('POST', GRAPH_PATHS.jobs, {}, { kind }),
    get: (id) => requestJson<Job>('GET', GRAPH_PATHS.job(id)),
    values: (id, ids) => requestJson<JobValues>('GET', GRAPH_PATHS.jobValues(id), { ids: ids.join(',') }),
    wait: () => sleep(POLL_MS),
  };

  centralityJob: string | null = null;
  communityJob: string | null = null;


  // After an expansion: the values of the new nodes from the jobs already run.
  private async refreshValues(): Promise<void> {
    for (const [job, target] of [[this.centralityJob, 'centrality'], [this.communityJob, 'communities']] as const) {
      const current = this[target];
      if (job === null || current === null) continue;
      const missing = [...this.chart.nodes.keys()].filter((id) => !(id in current));
      if (missing.length === 0) continue;
      try {
        Object.assign(current, await fetchJobValues(this.requests, job, missing, VALUES_CHUNK));
      } catch (error) {
        this.showError(error);
      }
    }
    this.restyle();
    this.renderNodeList();
  }

  // --- Time slider ---

  private renderTimePanel(): void {
    const { t, lang } = this.ctx;
    const range = dateRange(this.chart.links.values());
    if (range === null) {
      this.day = null;
      this.timePanel.replaceChildren(h('p', { class: 'muted', 'data-testid': 'time-none' }, t('links.timeNoDates')));
      this.restyle();
      return;
    }
    const on = this.day !== null;
    if (this.day !== null) this.day = Math.min(range.max, Math.max(range.min, this.day));
    const value = this.day ?? range.max;
    const toggle = h('input', { type: 'checkbox', id: 'time-on', 'data-testid': 'time-on', checked: on });
    const slider = h('input', {
      type: 'range', id: 'time-day', min: range.min, max: range.max, step: 1, value, disabled: !on,
      'data-testid': 'time-slider', 'aria-valuetext': dayText(value),
    });
    const output = h('output', { for: 'time-day', 'data-testid': 'time-day' }, h('time', { datetime: dayText(value) }, dayText(value)));
    const note = h('p', { class: 'muted', 'data-testid': 'time-note' });
    const update = (): void => {
      this.day = toggle.checked ? Number(slider.value) : null;
      slider.disabled = !toggle.checked;
      const text = dayText(Number(slider.value));
      slider.setAttribute('aria-valuetext', text);
      output.replaceChildren(h('time', { datetime: text }, text));
      this.restyle();
      note.textContent = this.day === null ? '' : t('links.timeHidden', {
        n: formatInteger(hiddenLinks(this.chart.links.values(), this.day).size, lang), day: text,
      });
    };
    toggle.addEventListener('change', update);
    slider.addEventListener('input', update);
    this.timePanel.replaceChildren(
      h('p', null, toggle, ' ', h('label', { for: 'time-on' }, t('links.timeOn'))),
      h('p', { class: 'time-row' }, h('label', { for: 'time-day' }, t('links.timeDay')), ' ', slider, ' ', output),
      h('p', { class: 'muted' }, `${dayText(range.min)} – ${dayText(range.max)}`),
      note);
    update();
  }

  // --- Export ---

  private async export(format: 'png' | 'svg' | 'json'): Promise<void> {
    const synthetic = [...this.chart.nodes.values()].some((n) => n.synthetic);
    const note = synthetic ? `${this.ctx.t('seizures.syntheticTag')}: ${this.ctx.t('links.syntheticText')}` : null;
    // The highest marking of what is drawn (the links the time slider hides are not drawn).
    const marking = chartMarking(this.chart, hiddenLinks(this.chart.links.values(), this.day));
    const banner: MarkingBanner = { marking, text: this.ctx.t('marking.of', { marking: this.markingLabel(marking) }) };
    try {
      if (format === 'json') {
        const json = {
          marking,
          nodes: [...this.chart.nodes.values()].map((n) => ({ ...n, position: this.cy.getElementById(n.id).position() })),
          links: [...this.chart.links.values()],
          as_of: this.day === null ? null : dayText(this.day),
          hidden_links: [...hiddenLinks(this.chart.links.values(), this.day)],
          path: this.path ? { from: this.path.from, to: this.path.to, nodes: [...this.path.nodes], links: [...this.path.links] } : null,
          pagerank: this.centrality,
          communities: this.communities,
        };
        download('ordo-links.json', new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
      } else if (format === 'svg') {
        const hidden = hiddenLinks(this.chart.links.values(), this.day);
        const svg = chartSvg(
          this.cy.nodes().map((node) => ({
            id: node.id(), label: (node.data('label') as string).replace(/\n/g, ' '), x: node.position().x, y: node.position().y,
            size: node.data('size') as number, colour: node.data('colour') as string,
            highlighted: this.path?.nodes.has(node.id()) ?? false, synthetic: Boolean(node.data('synthetic')),
          })),
          [...this.chart.links.values()].filter((l) => !hidden.has(l.id)).map((l) => ({
            id: l.id, from: l.from, to: l.to, label: linkTypeName(l.type, this.ctx), highlighted: this.path?.links.has(l.id) ?? false,
          })),
          note, banner);
        download('ordo-links.svg', new Blob([svg], { type: 'image/svg+xml' }));
      } else {
        const png = this.cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob' }) as unknown as Blob;
        download('ordo-links.png', await withBanners(png, note, banner));
      }
    } catch (error) {
      this.showError(error);
    }
  }
}

// The PNG with the marking banner across its top and bottom and, when given, a line of text under
// the top banner (the synthetic label).
async function withBanners(png: Blob, note: string | null, banner: MarkingBanner): Promise<Blob> {
  const image = await createImageBitmap(png);
  const bannerHeight = 40;
  const noteHeight = note === null ? 0 : 40;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(image.width, 600);
  canvas.height = image.height + 2 * bannerHeight + noteHeight;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('the browser cannot draw the PNG export (no 2D canvas)');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  const colours = MARKING_COLOURS[banner.marking];
  g.font = 'bold 22px sans-serif';
  g.textAlign = 'center';
  for (const y of [0, canvas.height - bannerHeight]) {
    g.fillStyle = colours.fill;
    g.fillRect(0, y, canvas.width, bannerHeight);
    g.fillStyle = colours.text;
    g.fillText(banner.text, canvas.width / 2, y + 28);
  }
  if (note !== null) {
    g.textAlign = 'left';
    g.fillStyle = '#a1005c';
    g.font = 'bold 20px sans-serif';
    g.fillText(note, 10, bannerHeight + 27);
  }
  g.drawImage(image, 0, bannerHeight + noteHeight);
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob ?? png), 'image/png'));
}

export async function linksView(ctx: Ctx, seeds: string[]): Promise<HTMLElement> {
  // Not from the page's cache: a merge changes the counts while the page is open.
  const summary = await requestJson<GraphSummary>('GET', GRAPH_PATHS.summary);
  const chart = new LinkChart(ctx, summary);
  if (seeds.length > 0) void chart.addSeeds(seeds);
  return chart.root;
}
