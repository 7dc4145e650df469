import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartGroups, defaultYear, flowsPresent, groupTrade } from '../src/trade-table';
import type { CountryProfile, TradeFlow } from '../src/types';

// Real rows (data/trade.csv) as the API gives them, from the fixtures.
function tradeOf(code: string): TradeFlow[] {
  const url = new URL(`../test-fixtures/countries/${code}.en.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as CountryProfile).trade;
}

describe('groupTrade', () => {
  it('puts conflicting reporters for one year side by side without adding them up', () => {
    const table = groupTrade(tradeOf('CHN'));
    const row = table.rows.find((r) => r.year === 2024 && r.flow === 'total');
    expect(row).toBeDefined();
    expect(row!.reportersDiffer).toBe(true);
    const byReporter = new Map(table.reporters.map((reporter, i) => [reporter, row!.cells[i]!.map((f) => f.value_usd)]));
    expect(byReporter.get('General Administration of Customs of China')).toEqual([22700000000]);
    expect(byReporter.get('National Statistical Committee of Kyrgyzstan')).toEqual([5100000000]);
    expect(byReporter.get('Kyrgyz Cabinet of Ministers')).toEqual([5300000000]);
    const shown = row!.cells.flat().map((f) => f.value_usd);
    expect(shown).not.toContain(22700000000 + 5100000000 + 5300000000);
  });

  it('keeps a full-year and a part-year figure of one reporter apart, full year first', () => {
    const table = groupTrade(tradeOf('CHN'));
    const row = table.rows.find((r) => r.year === 2018 && r.flow === 'export')!;
    const cell = row.cells[table.reporters.indexOf('National Statistical Committee of Kyrgyzstan')]!;
    expect(cell.map((f) => [f.value_usd, f.period])).toEqual([[61200000, 'full year'], [45100000, 'Jan-Sep']]);
    expect(row.reportersDiffer).toBe(false);
  });

  it('orders rows by year, then total, export, import', () => {
    const rows = groupTrade(tradeOf('TUR')).rows.map((r) => `${r.year} ${r.flow}`);
    expect(rows).toEqual(['2018 export', '2018 import', '2019 total', '2019 export', '2019 import']);
  });

  it('keeps the lower bound and the figure without a USD value', () => {
    const china = groupTrade(tradeOf('CHN')).rows.find((r) => r.year === 2018 && r.flow === 'total')!;
    expect(china.cells.flat()[0]!.bound).toBe('lower_bound');
    const germany = groupTrade(tradeOf('DEU')).rows.find((r) => r.year === 2023)!;
    expect(germany.cells.flat()[0]!.value_usd).toBeNull();
  });

  it('puts a reporter the source does not name in the last column', () => {
    const flows: TradeFlow[] = [
      { partner_iso3: 'DEU', partner: 'Germany', year: 2018, flow: 'total', value_usd: 52920000, bound: 'exact', period: 'Jan-Aug', reporter: null, source_url: 'https://www.azernews.az/region/161097.html', notes: '1.2% of Kyrgyz trade.' },
      ...tradeOf('DEU'),
    ];
    expect(groupTrade(flows).reporters.at(-1)).toBeNull();
  });
});

describe('chart helpers', () => {
  it('lists one bar per figure of the chosen flow, grouped by year', () => {
    const groups = chartGroups(tradeOf('CHN'), 'total');
    expect(groups.map((g) => [g.year, g.bars.length])).toEqual([[2018, 1], [2023, 2], [2024, 3]]);
  });

  it('offers only the flows present', () => {
    expect(flowsPresent(tradeOf('DEU'))).toEqual(['total']);
    expect(flowsPresent(tradeOf('TUR'))).toEqual(['total', 'export', 'import']);
  });
});

describe('defaultYear', () => {
  it('offers the year in which one reporter gives full-year totals for the most partners', () => {
    const url = new URL('../test-fixtures/trade.json', import.meta.url);
    const flows = (JSON.parse(readFileSync(url, 'utf8')) as { items: TradeFlow[] }).items;
    // 2018: the Kyrgyz statistics committee gives full-year totals for China, Uzbekistan and the UK.
    expect(defaultYear(flows)).toBe(2018);
    expect(defaultYear([])).toBeNull();
  });
});
