// Hash routes (#/, #/country/TUR, #/organizations, #/organizations/CSTO, #/trade?year=2023,
// #/drugs, #/seizures?synthetic=true&drug=heroin, #/links?seed=p1&seed=p2); the language lives in the page's query string (?lang=ky) so it survives navigation.
import { parseSeizureQuery, seizureQueryText, type SeizureFilter } from './narcotics';
import type { Flow, Lang } from './types';

export type Route =
  | { name: 'overview' }
  | { name: 'country'; code: string }
  | { name: 'organizations' }
  | { name: 'organization'; acronym: string }
  | { name: 'trade'; year: number | null; flow: Flow | null; reporter: string | null }
  | { name: 'drugs' }
  | { name: 'seizures'; filter: SeizureFilter }
  | { name: 'links'; seeds: string[] }
  | { name: 'notFound'; path: string };

function isFlow(value: string | null): value is Flow {
  return value === 'total' || value === 'export' || value === 'import';
}

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#/, '');
  if (text === '' || text === '/') return { name: 'overview' };
  const [pathPart = '', queryPart = ''] = text.split('?', 2);
  const segments = pathPart.split('/').filter(Boolean).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  const query = new URLSearchParams(queryPart);
  const [first, second, ...rest] = segments;
  if (rest.length > 0) return { name: 'notFound', path: text };
  switch (first) {
    case 'country':
      return second ? { name: 'country', code: second } : { name: 'notFound', path: text };
    case 'organizations':
      return second ? { name: 'organization', acronym: second } : { name: 'organizations' };
    case 'trade': {
      if (second) return { name: 'notFound', path: text };
      const year = Number(query.get('year'));
      const flow = query.get('flow');
      return {
        name: 'trade',
        year: Number.isInteger(year) && year > 0 ? year : null,
        flow: isFlow(flow) ? flow : null,
        reporter: query.get('reporter') || null,
      };
    }
    case 'drugs':
      return second ? { name: 'notFound', path: text } : { name: 'drugs' };
    case 'seizures':
      return second ? { name: 'notFound', path: text } : { name: 'seizures', filter: parseSeizureQuery(query) };
    case 'links':
      return second ? { name: 'notFound', path: text } : { name: 'links', seeds: query.getAll('seed').filter(Boolean) };
    default:
      return { name: 'notFound', path: text };
  }
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'overview':
      return '#/';
    case 'country':
      return `#/country/${encodeURIComponent(route.code)}`;
    case 'organizations':
      return '#/organizations';
    case 'organization':
      return `#/organizations/${encodeURIComponent(route.acronym)}`;
    case 'trade': {
      const query = new URLSearchParams();
      if (route.year !== null) query.set('year', String(route.year));
      if (route.flow !== null) query.set('flow', route.flow);
      if (route.reporter !== null) query.set('reporter', route.reporter);
      const text = query.toString();
      return `#/trade${text ? `?${text}` : ''}`;
    }
    case 'drugs':
      return '#/drugs';
    case 'seizures': {
      const text = seizureQueryText(route.filter);
      return `#/seizures${text ? `?${text}` : ''}`;
    }
    case 'links': {
      const query = new URLSearchParams(route.seeds.map((seed) => ['seed', seed]));
      const text = query.toString();
      return `#/links${text ? `?${text}` : ''}`;
    }
    case 'notFound':
      return `#${route.path}`;
  }
}

// The address of the same screen in another language: ?lang=ky#/country/TUR.
export function langHref(lang: Lang, hash: string): string {
  return `?lang=${lang}${hash || '#/'}`;
}

export const countryHash = (code: string): string => routeHash({ name: 'country', code });
export const organizationHash = (acronym: string): string => routeHash({ name: 'organization', acronym });
