// Monthly seizure series, one small bar chart per drug on a shared calendar, with the months the
// API flags as anomalies marked (a red bar and a triangle above it).
import { h, s } from '../dom';
import { formatDecimal, formatInteger, formatPartialDate } from '../format';
import { yearStarts, type Measure, type TrendSeries } from '../narcotics';
import { niceTicks } from './charts';
import { drugName, formatKg } from './narcotics-format';
import type { Ctx } from './common';

const WIDTH = 960;
const HEIGHT = 132;
const MARGIN = { top: 14, right: 12, bottom: 22, left: 64 };

export function trendChart(series: TrendSeries, measure: Measure, ctx: Ctx): SVGSVGElement {
  const inner = { w: WIDTH - MARGIN.left - MARGIN.right, h: HEIGHT - MARGIN.top - MARGIN.bottom };
  const value = (p: TrendSeries['points'][number]): number | null => (measure === 'kg' ? p.kg : p.count);
  const ticks = niceTicks(Math.max(1, ...series.points.map((p) => value(p) ?? 0)), 3);
  const top = ticks[ticks.length - 1] ?? 1;
  const band = inner.w / Math.max(1, series.points.length);
  const y = (v: number): number => MARGIN.top + inner.h - (v / top) * inner.h;
  const format = (v: number | null): string => (measure === 'kg' ? formatKg(v, ctx.lang) : formatInteger(v, ctx.lang));
  const grid = ticks.map((tick) => s('g', { class: 'tick' },
    s('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(tick), y2: y(tick) }),
    s('text', { x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, measure === 'kg' ? formatDecimal(tick, 0, ctx.lang) : formatInteger(tick, ctx.lang))));
  const bars = series.points.map((point, index) => {
    const v = value(point);
    const anomaly = measure === 'kg' ? point.kgAnomaly : point.countAnomaly;
    const x = MARGIN.left + index * band;
    const label = `${formatPartialDate(point.month, ctx.lang)}: ${format(v)}${anomaly ? ` — ${ctx.t('seizures.anomaly')}` : ''}`;
    if (v === null) {
      return s('text', { class: 'bar-unknown', x: x + band / 2, y: MARGIN.top + inner.h - 2, 'text-anchor': 'middle' }, '?', s('title', null, label));
    }
    return s('g', null,
      s('rect', {
        class: anomaly ? 'bar anomaly' : 'bar', x: x + band * 0.1, y: y(v), width: Math.max(0.8, band * 0.8),
        height: Math.max(v > 0 ? 1 : 0, MARGIN.top + inner.h - y(v)),
        'data-month': point.month, 'data-testid': anomaly ? 'anomaly-bar' : 'trend-bar',
      }, s('title', null, label)),
      anomaly ? s('path', { class: 'anomaly-mark', d: `M${x + band / 2 - 4},${y(v) - 9} h8 l-4,6 z`, 'aria-hidden': 'true' }) : null);
  });
  const labels = yearStarts(series.points.map((p) => p.month)).map(({ index, year }) =>
    s('g', { class: 'axis-x' },
      s('line', { x1: MARGIN.left + index * band, x2: MARGIN.left + index * band, y1: MARGIN.top + inner.h, y2: MARGIN.top + inner.h + 5, class: 'year-tick' }),
      s('text', { x: MARGIN.left + index * band + 3, y: HEIGHT - 6 }, year)));
  return s('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart trend-chart', role: 'img',
    'aria-label': ctx.t(measure === 'kg' ? 'seizures.trendAriaKg' : 'seizures.trendAriaCount', { drug: drugName(series.group, ctx) }),
    'data-testid': 'trend-chart', 'data-group': series.group,
  }, grid, bars, labels);
}

export function trendCharts(list: TrendSeries[], measure: Measure, ctx: Ctx): HTMLElement {
  return h('div', { class: 'trend-list' }, list.map((series) => h('figure', { class: 'trend-figure' },
    h('figcaption', null,
      h('strong', null, drugName(series.group, ctx)), ' — ',
      ctx.t('seizures.trendTotals', {
        count: formatInteger(series.totalCount, ctx.lang),
        kg: formatKg(series.totalKg, ctx.lang),
        anomalies: formatInteger(series.anomalies, ctx.lang),
      })),
    trendChart(series, measure, ctx))));
}
