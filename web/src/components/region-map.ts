// A map of Central Asia with the places whose coordinates a source gives. The 1:50m shapes are
// loaded only when this map is shown (a separate chunk of the bundle).
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import isoNumeric from '../generated/iso-numeric.json';
import { h, s } from '../dom';
import { formatCoordinates } from '../format';
import { countryHash } from '../router';
import type { Place } from '../types';
import type { Ctx } from './common';

const numericToIso3 = isoNumeric as Record<string, string>;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

// Kyrgyzstan with the borderlands of its neighbours, down to Khorog on the Pamir Highway.
const EXTENT: Feature<Geometry> = {
  type: 'Feature',
  properties: {},
  geometry: { type: 'MultiPoint', coordinates: [[68.6, 36.9], [80.4, 43.6]] },
};

export async function regionMap(places: Place[], names: Map<string, string>, ctx: Ctx): Promise<HTMLElement> {
  const module = await import('world-atlas/countries-50m.json');
  const topology = module.default as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries).features;
  const width = 960;
  const height = 560;
  const projection = geoMercator().fitExtent([[10, 10], [width - 10, height - 10]], EXTENT);
  const path = geoPath(projection);
  const located = places.filter((p) => p.lat !== null && p.lon !== null);

  const shapes = countries.map((country) => {
    const iso3 = country.id !== undefined ? numericToIso3[String(country.id)] : undefined;
    const d = path(country as Feature<Geometry>) ?? '';
    const fill = iso3 === 'KGZ' ? '#f3e3c3' : '#ececec';
    const shape = s('path', { d, fill, class: 'country-shape' });
    if (!iso3) return shape;
    const name = names.get(iso3) ?? (country.properties as { name?: string } | null)?.name ?? iso3;
    shape.appendChild(s('title', null, name));
    return s('a', { href: countryHash(iso3), tabindex: '-1', 'aria-label': name }, shape);
  });
  // Country names at fixed points inside each country (centroids of the big ones fall off the map).
  const labelPoints: Array<[string, number, number]> = [
    ['KGZ', 74.6, 41.6], ['KAZ', 74.3, 43.35], ['UZB', 69.3, 41.5], ['TJK', 70.6, 38.6], ['CHN', 78.6, 39.4],
  ];
  const labels = labelPoints.map(([iso3, lon, lat]) => {
    const point = projection([lon, lat]);
    if (!point) return null;
    return s('text', { class: 'country-label', x: point[0], y: point[1], 'text-anchor': 'middle' }, names.get(iso3) ?? iso3);
  });
  // Labels go right, left, above or below their point, whichever first overlaps nothing placed yet
  // (Osh and its airport are 8 km apart).
  const placed: Box[] = located.map((place) => {
    const [x, y] = projection([place.lon as number, place.lat as number]) ?? [-99, -99];
    return { x0: x - 5, y0: y - 5, x1: x + 5, y1: y + 5 };
  });
  const markers = located.map((place) => {
    const point = projection([place.lon as number, place.lat as number]);
    if (!point) return null;
    const [x, y] = point;
    const label = `${place.name} (${formatCoordinates(place.lat, place.lon, ctx.lang) ?? ''})`;
    const textWidth = place.name.length * 7.4;
    const candidates: Array<{ box: Box; tx: number; ty: number; anchor: string }> = [
      { box: { x0: x + 8, y0: y - 9, x1: x + 8 + textWidth, y1: y + 6 }, tx: x + 8, ty: y + 4, anchor: 'start' },
      { box: { x0: x - 8 - textWidth, y0: y - 9, x1: x - 8, y1: y + 6 }, tx: x - 8, ty: y + 4, anchor: 'end' },
      { box: { x0: x - textWidth / 2, y0: y - 24, x1: x + textWidth / 2, y1: y - 9 }, tx: x, ty: y - 12, anchor: 'middle' },
      { box: { x0: x - textWidth / 2, y0: y + 8, x1: x + textWidth / 2, y1: y + 23 }, tx: x, ty: y + 20, anchor: 'middle' },
      { box: { x0: x + 8, y0: y + 6, x1: x + 8 + textWidth, y1: y + 21 }, tx: x + 8, ty: y + 18, anchor: 'start' },
      { box: { x0: x - 8 - textWidth, y0: y - 24, x1: x - 8, y1: y - 9 }, tx: x - 8, ty: y - 12, anchor: 'end' },
    ];
    const inside = (box: Box): boolean => box.x0 >= 0 && box.x1 <= width && box.y0 >= 0 && box.y1 <= height;
    const free = (box: Box): boolean => placed.every((other) => box.x1 <= other.x0 || box.x0 >= other.x1 || box.y1 <= other.y0 || box.y0 >= other.y1);
    const choice = candidates.find((c) => inside(c.box) && free(c.box)) ?? candidates.find((c) => inside(c.box)) ?? candidates[0]!;
    placed.push(choice.box);
    return s('g', { class: 'place-marker', 'data-testid': 'place-marker', 'data-name': place.name },
      s('circle', { cx: x, cy: y, r: 5 }, s('title', null, label)),
      s('text', { x: choice.tx, y: choice.ty, 'text-anchor': choice.anchor, lang: 'en' }, place.name));
  });
  return h('figure', { class: 'map-figure' },
    s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'region-map', role: 'group', 'aria-label': ctx.t('drugs.mapAria'), 'data-testid': 'places-map' },
      s('rect', { x: 0, y: 0, width, height, class: 'ocean' }),
      shapes, labels, markers));
}
