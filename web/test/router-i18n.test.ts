import { describe, expect, it } from 'vitest';
import { en, ky, ru } from '../src/messages';
import { langFromSearch, regionName, translator } from '../src/i18n';
import { langHref, parseHash, routeHash } from '../src/router';

describe('routes', () => {
  it('parse the screens', () => {
    expect(parseHash('')).toEqual({ name: 'overview' });
    expect(parseHash('#/')).toEqual({ name: 'overview' });
    expect(parseHash('#/country/TUR')).toEqual({ name: 'country', code: 'TUR' });
    expect(parseHash('#/organizations/NATO%20PfP')).toEqual({ name: 'organization', acronym: 'NATO PfP' });
    expect(parseHash('#/trade?year=2023&flow=export')).toEqual({ name: 'trade', year: 2023, flow: 'export', reporter: null });
    expect(parseHash('#/trade?year=abc&flow=both')).toEqual({ name: 'trade', year: null, flow: null, reporter: null });
    expect(parseHash('#/drugs')).toEqual({ name: 'drugs' });
    expect(parseHash('#/nowhere').name).toBe('notFound');
  });

  it('round-trip through their addresses', () => {
    for (const hash of ['#/', '#/country/TUR', '#/organizations', '#/organizations/CSTO', '#/trade?year=2018&flow=total', '#/drugs']) {
      expect(routeHash(parseHash(hash))).toBe(hash);
    }
  });

  it('keep the language in the query string', () => {
    expect(langFromSearch('?lang=ky')).toBe('ky');
    expect(langFromSearch('?lang=de')).toBe('en');
    expect(langFromSearch('')).toBe('en');
    expect(langHref('ky', '#/country/TUR')).toBe('?lang=ky#/country/TUR');
  });
});

describe('interface strings', () => {
  it('exist in every language, none empty', () => {
    for (const catalog of [en, ru, ky]) {
      for (const key of Object.keys(en) as Array<keyof typeof en>) expect(catalog[key].trim(), key).not.toBe('');
    }
  });

  it('are translated: the Russian and Kyrgyz navigation differs from English and each other', () => {
    expect(translator('ky')('nav.trade')).toBe('Соода');
    expect(translator('ru')('nav.trade')).toBe('Торговля');
    expect(translator('en')('count.ofTotal', { total: 193 })).toBe('of 193');
    expect(translator('ky')('count.ofTotal', { total: 193 })).toBe('(193 ичинен)');
  });

  it('translate M49 region names and keep unknown ones', () => {
    expect(regionName('Central Asia', 'ky')).toBe('Борбордук Азия');
    expect(regionName('Western Asia', 'ru')).toBe('Западная Азия');
    expect(regionName('Atlantis', 'ru')).toBe('Atlantis');
    expect(regionName(null, 'ky')).toBeNull();
  });
});
