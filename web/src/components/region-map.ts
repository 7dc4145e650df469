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

// Kyrgyzstan and its neighbours, wide enough for the Pamir Highway to Khorog.
const EXTENT: Feature<Geometry> = {
  type: 'Feature',
  properties: {},
  geometry: { type: 'MultiPoint', coordinates: [[66.5, 36.3], [80.8, 44.2]] },
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
  const labels = ['KGZ', 'KAZ', 'UZB', 'TJK', 'CHN', 'AFG'].map((iso3) => {
    const country = countries.find((c) => numericToIso3[String(c.id)] === iso3);
    if (!country) return null;
    const [x, y] = path.centroid(country as Feature<Geometry>);
    if (!Number.isFinite(x) || !Number.isFinite(y) || x < 0 || x > width || y < 0 || y > height) return null;
    return s('text', { class: 'country-label', x, y, 'text-anchor': 'middle' }, names.get(iso3) ?? iso3);
  });
  const markers = located.map((place, index) => {
    const point = projection([place.lon as number, place.lat as number]);
    if (!point) return null;
    const [x, y] = point;
    const label = `${place.name} (${formatCoordinates(place.lat, place.lon, ctx.lang) ?? ''})`;
    // Alternate label sides so that Osh and its airport do not print over each other.
    const right = index % 2 === 0;
    return s('g', { class: 'place-marker', 'data-testid': 'place-marker', 'data-name': place.name },
      s('circle', { cx: x, cy: y, r: 5 }, s('title', null, label)),
      s('text', { x: right ? x + 8 : x - 8, y: y + 4, 'text-anchor': right ? 'start' : 'end', lang: 'en' }, place.name));
  });
  return h('figure', { class: 'map-figure' },
    s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'region-map', role: 'group', 'aria-label': ctx.t('drugs.mapAria'), 'data-testid': 'places-map' },
      s('rect', { x: 0, y: 0, width, height, class: 'ocean' }),
      shapes, labels, markers));
}
