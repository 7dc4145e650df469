// The map of the Seizures screen: country shapes (world-atlas 1:50m, loaded with the map), then the
// hotspot cells, the sampled seizure points, the route network (legs by flow, chokepoints marked)
// and the planned checkpoints. Only positions the API gives are drawn; nothing is placed by guess.
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import isoNumeric from '../generated/iso-numeric.json';
import { h, s } from '../dom';
import { isMarking, markingKey } from '../marking';
import { formatDecimal, formatInteger, formatPartialDate } from '../format';
import {
  cellBounds,
  HOTSPOT_CLASSES,
  hotspotClass,
  hotspotColor,
  legValue,
  legWidth,
  located,
  lonStep,
  placeLabels,
  type Measure,
  type PlacedLabel,
  type Network,
} from '../narcotics';
import type { Hotspots, Seizure } from '../narcotics-types';
import { drugName, formatKg, formatP } from './narcotics-format';
import type { Ctx } from './common';

const numericToIso3 = isoNumeric as Record<string, string>;
const WIDTH = 960;
const HEIGHT = 600;

// Kyrgyzstan with the borderlands of its neighbours, down to Khorog on the Pamir Highway.
const KYRGYZSTAN_VIEW: [[number, number], [number, number]] = [[68.6, 36.9], [80.4, 43.6]];

export type MapView = 'all' | 'kyrgyzstan';
// Kyrgyzstan first: that is where the detail is; "everything" reaches Moscow and beyond.
const INITIAL_VIEW: MapView = 'kyrgyzstan';

export interface SeizureMapInput {
  points: Seizure[] | null;
  hotspots: Hotspots | null;
  network: Network | null;
  measure: Measure;
  synthetic: boolean;
}

export interface SeizureMap {
  element: HTMLElement;
  // Marks these node ids as checkpoints (an empty list clears them).
  showCheckpoints(nodeIds: string[]): void;
}

type Countries = Array<Feature<Geometry>>;
let countriesPromise: Promise<Countries> | null = null;

function loadCountries(): Promise<Countries> {
  countriesPromise ??= import('world-atlas/countries-50m.json').then((module) => {
    const topology = module.default as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    return feature(topology, topology.objects.countries).features.filter((f) => f.id !== '010') as Countries;
  });
  return countriesPromise;
}

// The box around everything drawn, at least as large as Kyrgyzstan's view.
function dataExtent(input: SeizureMapInput): [[number, number], [number, number]] {
  let [[west, south], [east, north]] = KYRGYZSTAN_VIEW;
  const add = (lon: number | null, lat: number | null): void => {
    if (lon === null || lat === null) return;
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  };
  for (const point of input.points ?? []) add(point.lon, point.lat);
  for (const node of input.network?.nodes ?? []) add(node.lon, node.lat);
  for (const cell of input.hotspots?.cells ?? []) add(cell.lon, cell.lat);
  const padLon = (east - west) * 0.04;
  const padLat = (north - south) * 0.04;
  return [[west - padLon, south - padLat], [east + padLon, north + padLat]];
}

function projectionFor(extent: [[number, number], [number, number]]): GeoProjection {
  const box: Feature<Geometry> = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: extent } };
  return geoMercator().fitExtent([[12, 12], [WIDTH - 12, HEIGHT - 12]], box);
}

function hotspotLayer(hotspots: Hotspots, projection: GeoProjection, ctx: Ctx): SVGGElement {
  const step = lonStep(hotspots.cells, hotspots.cell_km);
  const cells = hotspots.cells.flatMap((cell) => {
    const kind = hotspotClass(cell.z, cell.p);
    const color = hotspotColor(kind);
    if (color === null) return [];
    const bounds = cellBounds(cell, hotspots.cell_km, step);
    const nw = projection([bounds.west, bounds.north]);
    const se = projection([bounds.east, bounds.south]);
    if (!nw || !se) return [];
    const title = ctx.t('seizures.cellTitle', {
      z: formatDecimal(cell.z, 2, ctx.lang),
      p: formatP(cell.p, ctx.lang),
      seizures: formatInteger(cell.seizures, ctx.lang),
      kg: formatKg(cell.kg, ctx.lang),
    });
    return [s('rect', {
      x: nw[0], y: nw[1], width: Math.max(1, se[0] - nw[0]), height: Math.max(1, se[1] - nw[1]),
      fill: color, class: 'hotspot-cell', 'data-testid': 'hotspot-cell', 'data-class': kind,
    }, s('title', null, title))];
  });
  return s('g', { class: 'layer layer-hotspots', 'data-layer': 'hotspots' }, cells);
}

function pointLayer(points: Seizure[], projection: GeoProjection, synthetic: boolean, ctx: Ctx): SVGGElement {
  const dots = points.flatMap((point) => {
    if (point.lat === null || point.lon === null) return [];
    const xy = projection([point.lon, point.lat]);
    if (!xy) return [];
    const title = [
      synthetic ? ctx.t('seizures.syntheticTag') : null,
      point.seizure_id,
      formatPartialDate(point.date, ctx.lang, point.precision),
      point.place,
      drugName(point.drug, ctx),
      formatKg(point.quantity_kg, ctx.lang),
      isMarking(point.marking) ? ctx.t('marking.of', { marking: ctx.t(markingKey(point.marking)) }) : null,
    ].filter(Boolean).join(' · ');
    return [s('circle', { cx: xy[0], cy: xy[1], r: 2.2, class: 'seizure-point', 'data-testid': 'seizure-point', 'data-marking': point.marking ?? null }, s('title', null, title))];
  });
  return s('g', { class: 'layer layer-points', 'data-layer': 'points' }, dots);
}

function networkLayer(network: Network, projection: GeoProjection, measure: Measure, ctx: Ctx): SVGGElement {
  const nodes = new Map(network.nodes.map((n) => [n.id, n]));
  const largest = Math.max(0, ...network.legs.map((leg) => legValue(leg, measure) ?? 0));
  const position = (id: string): [number, number] | null => {
    const node = nodes.get(id);
    if (!node || !located(node)) return null;
    return projection([node.lon as number, node.lat as number]) ?? null;
  };
  // Thinnest on top, so a small leg beside a large one stays visible.
  const legs = [...network.legs].sort((a, b) => (legValue(b, measure) ?? 0) - (legValue(a, measure) ?? 0)).flatMap((leg) => {
    const a = position(leg.from);
    const b = position(leg.to);
    if (!a || !b) return [];
    // A slight bend to the right of the travel direction keeps A→B and B→A apart.
    const mx = (a[0] + b[0]) / 2;
    const my = (a[1] + b[1]) / 2;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const bend = 0.12;
    const cx = mx - dy * bend;
    const cy = my + dx * bend;
    const from = nodes.get(leg.from)?.name ?? leg.from;
    const to = nodes.get(leg.to)?.name ?? leg.to;
    const title = ctx.t('seizures.legTitle', {
      from, to,
      seizures: formatInteger(leg.seizures, ctx.lang),
      cases: formatInteger(leg.cases, ctx.lang),
      kg: formatKg(leg.kg, ctx.lang),
    });
    return [s('path', {
      d: `M${a[0]},${a[1]} Q${cx},${cy} ${b[0]},${b[1]}`,
      class: 'route-leg',
      'stroke-width': legWidth(legValue(leg, measure), largest),
      'marker-end': 'url(#leg-arrow)',
      'data-testid': 'route-leg',
      'data-from': leg.from,
      'data-to': leg.to,
    }, s('title', null, title))];
  });
  const chokepoints = new Set(network.chokepoints);
  const drawn = network.nodes.filter(located).flatMap((node) => {
    const xy = projection([node.lon as number, node.lat as number]);
    return xy ? [{ node, x: xy[0], y: xy[1] }] : [];
  });
  // Busiest nodes choose their label position first.
  drawn.sort((a, b) => (b.node.seizures ?? 0) - (a.node.seizures ?? 0));
  const labels = placeLabels(drawn.map((d) => ({ x: d.x, y: d.y, text: d.node.name })), WIDTH, HEIGHT);
  const markers = drawn.map(({ node, x, y }, index) => {
    const choke = chokepoints.has(node.id);
    const title = `${node.name}: ${ctx.t('seizures.nodeTitle', {
      seizures: formatInteger(node.seizures, ctx.lang),
      betweenness: formatDecimal(node.betweenness, 1, ctx.lang),
    })}${choke ? ` — ${ctx.t('seizures.chokepoint')}` : ''}`;
    const shape = choke
      ? s('rect', { x: x - 6, y: y - 6, width: 12, height: 12, transform: `rotate(45 ${x} ${y})`, class: 'route-node chokepoint', 'data-testid': 'chokepoint-marker' })
      : s('circle', { cx: x, cy: y, r: 4.5, class: 'route-node' });
    const label = labels[index] as PlacedLabel;
    return s('g', { 'data-testid': 'route-node', 'data-node': node.id },
      shape,
      s('text', { x: label.x, y: label.y, 'text-anchor': label.anchor, class: 'node-label', lang: 'en' }, node.name),
      s('title', null, title));
  });
  return s('g', { class: 'layer layer-network', 'data-layer': 'network' }, s('g', null, legs), s('g', null, markers));
}

function legendItem(swatch: HTMLElement, label: string, testId?: string): HTMLElement {
  return h('li', { 'data-testid': testId }, swatch, label);
}

function legend(input: SeizureMapInput, ctx: Ctx): HTMLElement {
  const swatch = (color: string, extra = ''): HTMLElement => h('span', { class: `swatch ${extra}`, style: `background:${color}`, 'aria-hidden': 'true' });
  const classes = HOTSPOT_CLASSES.map((c) => legendItem(swatch(c.color), ctx.t(`seizures.class.${c.id}`)));
  return h('div', { class: 'legend seizure-legend', 'data-testid': 'hotspot-legend' },
    input.hotspots ? h('div', null,
      h('p', { class: 'legend-title' }, ctx.t('seizures.legendHotspots', {
        cell: formatDecimal(input.hotspots.cell_km, 1, ctx.lang),
        band: formatDecimal(input.hotspots.band_km, 1, ctx.lang),
        weight: ctx.t(input.hotspots.weight === 'count' ? 'seizures.weightCount' : 'seizures.weightKg'),
      })),
      h('ul', null, classes),
      h('p', { class: 'muted small' }, ctx.t('seizures.legendNotSignificant'))) : null,
    h('ul', null,
      input.points ? legendItem(h('span', { class: 'swatch swatch-dot', 'aria-hidden': 'true' }), ctx.t('seizures.legendPoint')) : null,
      input.network ? legendItem(h('span', { class: 'swatch swatch-leg', 'aria-hidden': 'true' }),
        ctx.t(input.measure === 'kg' ? 'seizures.legendLegKg' : 'seizures.legendLegSeizures')) : null,
      input.network ? legendItem(h('span', { class: 'swatch swatch-choke', 'aria-hidden': 'true' }), ctx.t('seizures.chokepoint')) : null,
      legendItem(h('span', { class: 'swatch swatch-checkpoint', 'aria-hidden': 'true' }), ctx.t('seizures.checkpoint'))));
}

export async function seizureMap(input: SeizureMapInput, ctx: Ctx): Promise<SeizureMap> {
  const countries = await loadCountries();
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'seizure-map', role: 'group',
    'aria-label': ctx.t('seizures.mapAria'), 'data-testid': 'seizure-map',
  });
  let checkpointIds: string[] = [];
  let projection = projectionFor(dataExtent(input));
  const checkpointLayer = s('g', { class: 'layer layer-checkpoints', 'data-layer': 'checkpoints' });
  const layers = new Map<string, SVGGElement>();

  const drawCheckpoints = (): void => {
    const nodes = new Map((input.network?.nodes ?? []).map((n) => [n.id, n]));
    checkpointLayer.replaceChildren(...checkpointIds.flatMap((id) => {
      const node = nodes.get(id);
      if (!node || !located(node)) return [];
      const xy = projection([node.lon as number, node.lat as number]);
      if (!xy) return [];
      return [s('g', { 'data-testid': 'checkpoint-marker', 'data-node': id },
        s('circle', { cx: xy[0], cy: xy[1], r: 13, class: 'checkpoint-ring' }),
        s('title', null, `${ctx.t('seizures.checkpoint')}: ${node.name}`))];
    }));
  };

  const outsideNote = h('p', { class: 'muted small', 'data-testid': 'map-outside' });
  const draw = (view: MapView): void => {
    projection = projectionFor(view === 'all' ? dataExtent(input) : KYRGYZSTAN_VIEW);
    const outside = (input.network?.nodes ?? []).filter((node) => {
      if (!located(node)) return false;
      const xy = projection([node.lon as number, node.lat as number]);
      return !xy || xy[0] < 0 || xy[0] > WIDTH || xy[1] < 0 || xy[1] > HEIGHT;
    });
    outsideNote.textContent = outside.length === 0 ? '' : ctx.t('seizures.outsideView', { list: outside.map((n) => n.name).join(', ') });
    const path = geoPath(projection);
    const shapes = countries.map((country) => {
      const iso3 = country.id !== undefined ? numericToIso3[String(country.id)] : undefined;
      return s('path', { d: path(country) ?? '', class: iso3 === 'KGZ' ? 'country-shape home' : 'country-shape' });
    });
    layers.clear();
    if (input.hotspots) layers.set('hotspots', hotspotLayer(input.hotspots, projection, ctx));
    if (input.points) layers.set('points', pointLayer(input.points, projection, input.synthetic, ctx));
    if (input.network) layers.set('network', networkLayer(input.network, projection, input.measure, ctx));
    for (const [name, layer] of layers) layer.style.display = toggles.get(name)?.checked === false ? 'none' : '';
    svg.replaceChildren(
      s('defs', null, s('marker', { id: 'leg-arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 11, markerHeight: 11, orient: 'auto', markerUnits: 'userSpaceOnUse' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'leg-arrow' }))),
      s('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'ocean' }),
      s('g', null, shapes),
      ...layers.values(),
      checkpointLayer,
      ...(input.synthetic ? [s('text', { x: WIDTH - 14, y: HEIGHT - 16, 'text-anchor': 'end', class: 'synthetic-watermark', 'data-testid': 'map-synthetic' }, ctx.t('seizures.syntheticTag'))] : []),
    );
    drawCheckpoints();
  };

  const toggles = new Map<string, HTMLInputElement>();
  const toggleFor = (name: 'hotspots' | 'points' | 'network', label: string): HTMLElement | null => {
    const present = name === 'hotspots' ? input.hotspots : name === 'points' ? input.points : input.network;
    if (!present) return null;
    const box = h('input', { type: 'checkbox', checked: true, 'data-testid': `toggle-${name}` });
    box.addEventListener('change', () => {
      const layer = layers.get(name);
      if (layer) layer.style.display = box.checked ? '' : 'none';
    });
    toggles.set(name, box);
    return h('label', { class: 'toggle' }, box, ' ', label);
  };
  const viewButtons = (['all', 'kyrgyzstan'] as MapView[]).map((view) => {
    const button = h('button', { type: 'button', 'aria-pressed': view === INITIAL_VIEW ? 'true' : 'false', 'data-testid': `map-view-${view}` },
      ctx.t(view === 'all' ? 'seizures.viewAll' : 'seizures.viewKyrgyzstan'));
    button.addEventListener('click', () => {
      for (const other of viewButtons) other.setAttribute('aria-pressed', other === button ? 'true' : 'false');
      draw(view);
    });
    return button;
  });
  const controls = h('div', { class: 'map-controls' },
    h('fieldset', { class: 'inline-fieldset' }, h('legend', null, ctx.t('seizures.layers')),
      toggleFor('hotspots', ctx.t('seizures.layerHotspots')),
      toggleFor('points', ctx.t('seizures.layerPoints')),
      toggleFor('network', ctx.t('seizures.layerNetwork'))),
    h('div', { class: 'button-group', role: 'group', 'aria-label': ctx.t('seizures.view') }, viewButtons));
  draw(INITIAL_VIEW);
  const element = h('figure', { class: 'map-figure' }, controls, svg, outsideNote, legend(input, ctx));
  return {
    element,
    showCheckpoints(nodeIds: string[]): void {
      checkpointIds = nodeIds;
      drawCheckpoints();
    },
  };
}
