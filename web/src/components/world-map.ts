// The world map of the overview: every country shape coloured by the year Kyrgyzstan established
// relations with it. Shapes come from world-atlas (Natural Earth 1:110m), bundled; no tiles.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import world from 'world-atlas/countries-110m.json';
import isoNumeric from '../generated/iso-numeric.json';
import { h, s } from '../dom';
import { formatPartialDate } from '../format';
import { countryHash } from '../router';
import type { Coverage, Relation } from '../types';
import type { Ctx } from './common';

export interface YearBin {
  from: number;
  to: number | null;
  color: string;
}

// Year bins and colours (ColorBrewer YlGnBu, dark = early): 1991-92 is the founding wave.
export const YEAR_BINS: YearBin[] = [
  { from: 1991, to: 1992, color: '#253494' },
  { from: 1993, to: 1995, color: '#2c7fb8' },
  { from: 1996, to: 1999, color: '#41b6c4' },
  { from: 2000, to: 2009, color: '#7fcdbb' },
  { from: 2010, to: 2019, color: '#c7e9b4' },
  { from: 2020, to: null, color: '#edf8b1' },
];
const KYRGYZSTAN_COLOR = '#c8102e';
const NO_RELATIONS_COLOR = '#f4a582';
const DATE_UNKNOWN_COLOR = '#bdbdbd';
const NO_DATA_COLOR = '#e8e8e8';

export function binFor(year: number): YearBin | null {
  return YEAR_BINS.find((bin) => year >= bin.from && (bin.to === null || year <= bin.to)) ?? null;
}

export function yearOf(date: string | null): number | null {
  if (!date) return null;
  const year = Number(date.slice(0, 4));
  return Number.isInteger(year) ? year : null;
}

const numericToIso3 = isoNumeric as Record<string, string>;

interface CountryFeature {
  iso3: string | null;
  atlasName: string;
  feature: Feature<Geometry>;
}

let cachedFeatures: CountryFeature[] | null = null;

function countryFeatures(): CountryFeature[] {
  if (cachedFeatures) return cachedFeatures;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  cachedFeatures = collection.features
    .filter((f) => f.id !== '010') // Antarctica: no relations, and it takes a fifth of the height.
    .map((f) => ({
      iso3: f.id !== undefined ? (numericToIso3[String(f.id)] ?? null) : null,
      atlasName: (f.properties as { name?: string } | null)?.name ?? '',
      feature: f as Feature<Geometry>,
    }));
  return cachedFeatures;
}

export interface WorldMapInput {
  relations: Relation[];
  coverage: Coverage | null;
  names: Map<string, string>;
}

function legendItem(color: string, label: string, testId?: string): HTMLElement {
  return h(
    'li',
    { 'data-testid': testId },
    h('span', { class: 'swatch', style: `background:${color}`, 'aria-hidden': 'true' }),
    label,
  );
}

export function worldMap(input: WorldMapInput, ctx: Ctx): HTMLElement {
  const width = 960;
  const height = 470;
  const features = countryFeatures();
  const projection = geoNaturalEarth1().fitExtent(
    [[4, 4], [width - 4, height - 4]],
    { type: 'FeatureCollection', features: features.map((f) => f.feature) },
  );
  const path = geoPath(projection);
  const relationByIso = new Map(input.relations.map((r) => [r.iso3, r]));
  const withoutRelations = new Map((input.coverage?.without_relations ?? []).map((c) => [c.iso3, c]));
  const status = h('p', { class: 'map-status', 'aria-live': 'polite', 'data-testid': 'map-status' }, ctx.t('map.hint'));

  const shapes = features.map((country) => {
    const iso3 = country.iso3;
    const name = (iso3 && input.names.get(iso3)) ?? country.atlasName;
    const relation = iso3 ? relationByIso.get(iso3) : undefined;
    let color = NO_DATA_COLOR;
    let label = ctx.t('map.notInRegistry', { name });
    if (iso3 === 'KGZ') {
      color = KYRGYZSTAN_COLOR;
      label = name;
    } else if (relation) {
      const year = yearOf(relation.date_established);
      color = year !== null ? (binFor(year)?.color ?? DATE_UNKNOWN_COLOR) : DATE_UNKNOWN_COLOR;
      label = `${name}: ${formatPartialDate(relation.date_established, ctx.lang, relation.precision)}`;
    } else if (iso3 && withoutRelations.has(iso3)) {
      color = NO_RELATIONS_COLOR;
      label = ctx.t('map.noRelations', { name });
    } else if (iso3) {
      label = ctx.t('map.noRelations', { name });
    }
    const shape = s('path', {
      d: path(country.feature) ?? '',
      fill: color,
      class: 'country-shape',
      'data-testid': 'map-country',
      'data-iso3': iso3 ?? '',
    }, s('title', null, label));
    if (!iso3) return shape;
    const link = s('a', { href: countryHash(iso3), tabindex: '-1', 'aria-label': label, class: 'map-link' }, shape);
    const show = (): void => {
      status.textContent = label;
    };
    link.addEventListener('mouseenter', show);
    link.addEventListener('focus', show);
    return link;
  });

  const svg = s(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      class: 'world-map',
      role: 'group',
      'aria-label': ctx.t('map.aria'),
      'data-testid': 'world-map',
    },
    s('rect', { x: 0, y: 0, width, height, class: 'ocean' }),
    shapes,
  );

  const bins = YEAR_BINS.map((bin) =>
    legendItem(bin.color, bin.to === null ? `${bin.from}–` : `${bin.from}–${bin.to}`),
  );
  const legend = h(
    'div',
    { class: 'legend', 'data-testid': 'map-legend' },
    h('p', { class: 'legend-title' }, ctx.t('legend.title')),
    h(
      'ul',
      null,
      bins,
      legendItem(DATE_UNKNOWN_COLOR, ctx.t('legend.dateUnknown')),
      legendItem(NO_RELATIONS_COLOR, ctx.t('legend.noRelations')),
      legendItem(NO_DATA_COLOR, ctx.t('legend.noData')),
      legendItem(KYRGYZSTAN_COLOR, ctx.t('legend.kyrgyzstan')),
    ),
  );
  return h('figure', { class: 'map-figure' }, svg, status, legend);
}
