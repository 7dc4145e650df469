import { describe, expect, it } from 'vitest';
import {
  formatCoordinates, formatInteger, formatPartialDate, formatPeriod, formatPeriodShort, formatQuantity, formatShare, formatUsd,
  formatUsdCompact, orUnknown, unknownText,
} from '../src/format';

const NBSP = '\u00a0';

describe('unknown values', () => {
  it('are shown as the translated word, never as zero or blank', () => {
    expect(formatInteger(null, 'en')).toBe('unknown');
    expect(formatUsd(null, 'exact', 'ru')).toBe('неизвестно');
    expect(formatUsd(null, 'lower_bound', 'ky')).toBe('белгисиз');
    expect(formatPartialDate(null, 'en')).toBe('unknown');
    expect(formatPeriod(null, 'ky')).toBe('белгисиз');
    expect(formatQuantity(null, 'kg', 'en')).toBe('unknown');
    expect(formatShare(null, 'ru')).toBe('неизвестно');
    expect(formatUsdCompact(null, 'en')).toBe('unknown');
    expect(orUnknown('', 'en')).toBe('unknown');
    expect(orUnknown(undefined, 'ky')).toBe(unknownText('ky'));
  });

  it('keeps a real zero as zero', () => {
    expect(formatInteger(0, 'en')).toBe('0');
    expect(orUnknown(0, 'en')).toBe('0');
  });
});

describe('amounts', () => {
  it('group digits by language', () => {
    expect(formatInteger(519000000, 'en')).toBe('519,000,000');
    expect(formatInteger(519000000, 'ky')).toBe(`519${NBSP}000${NBSP}000`);
    expect(formatInteger(405100, 'ru')).toBe(`405${NBSP}100`);
  });

  it('mark lower bounds with ≥', () => {
    expect(formatUsd(3100000000, 'lower_bound', 'en')).toBe(`≥${NBSP}3,100,000,000`);
    expect(formatUsd(519000000, 'exact', 'en')).toBe('519,000,000');
  });

  it('shorten for chart labels', () => {
    expect(formatUsdCompact(519000000, 'en')).toBe(`$519${NBSP}mn`);
    expect(formatUsdCompact(22700000000, 'ru')).toBe(`22,7${NBSP}млрд${NBSP}$`);
    expect(formatUsdCompact(2000000000, 'ky')).toBe(`2${NBSP}млрд${NBSP}$`);
  });

  it('format shares with the local decimal separator', () => {
    expect(formatShare(0.9982566512544531, 'en')).toBe('99.8%');
    expect(formatShare(0.001743348745546881, 'ru')).toBe(`0,2${NBSP}%`);
  });
});

describe('partial dates', () => {
  it('are no more precise than the data', () => {
    expect(formatPartialDate('1992-01-29', 'en')).toBe('29 January 1992');
    expect(formatPartialDate('1992-01-29', 'ru')).toBe(`29 января 1992${NBSP}г.`);
    expect(formatPartialDate('1992-01-29', 'ky')).toBe('1992-жылдын 29-январы');
    expect(formatPartialDate('1994', 'en')).toBe('1994');
    expect(formatPartialDate('1994', 'ky')).toBe('1994-ж.');
    expect(formatPartialDate('2015-08', 'en')).toBe('August 2015');
  });

  it('follow a coarser precision given by the API', () => {
    expect(formatPartialDate('1992-01-01', 'en', 'year')).toBe('1992');
  });

  it('leave text that is not a date as it is', () => {
    expect(formatPartialDate('no relation recorded', 'en')).toBe('no relation recorded');
  });
});

describe('periods', () => {
  it('translate full years and month ranges', () => {
    expect(formatPeriod('full year', 'en')).toBe('full year');
    expect(formatPeriod('full year', 'ky')).toBe('толук жыл');
    expect(formatPeriod('Jan-Sep', 'en')).toBe('Jan–Sep');
    expect(formatPeriod('Jan-Sep', 'ru')).toBe('январь–сентябрь');
  });

  it('keep an unfamiliar period as the source gives it', () => {
    expect(formatPeriod('10 months', 'ru')).toBe('10 months');
  });
});

describe('quantities and coordinates', () => {
  it('print units in the interface language', () => {
    expect(formatQuantity(19.91, 'kg', 'en')).toBe(`19.91${NBSP}kg`);
    expect(formatQuantity(40000, 'ha', 'ru')).toBe(`40${NBSP}000${NBSP}га`);
    expect(formatQuantity(16, 'percent', 'en')).toBe('16%');
  });

  it('give coordinates or nothing', () => {
    expect(formatCoordinates(42.87472, 74.61222, 'en')).toBe('42.8747, 74.6122');
    expect(formatCoordinates(42.87472, 74.61222, 'ky')).toBe('42,8747; 74,6122');
    expect(formatCoordinates(null, null, 'en')).toBeNull();
  });
});

describe('short periods for charts', () => {
  it('are null for a full year and short month ranges otherwise', () => {
    expect(formatPeriodShort('full year', 'en')).toBeNull();
    expect(formatPeriodShort('Jan-Nov', 'en')).toBe('Jan–Nov');
    expect(formatPeriodShort('Jan-Nov', 'ky')).toBe('янв–ноя');
    expect(formatPeriodShort(null, 'en')).toBe('unknown');
  });
});
