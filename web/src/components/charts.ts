// Hand-made SVG charts: the relations timeline, trade by year and reporter, partner shares and the
// bloc balance. Each chart has an accessible name and a table with the same figures beside it.
import { h, s } from '../dom';
import { formatInteger, formatPeriod, formatPeriodShort, formatShare, formatUsd, formatUsdCompact, isFullYear, LOWER_BOUND_MARK } from '../format';
import type { ChartGroup } from '../trade-table';
import type { TimelineYear, TradeFlow } from '../types';
import type { Ctx } from './common';

// Okabe-Ito colours first, then four of Paul Tol's: distinguishable with the common colour-vision
// deficiencies for the first eight, and twelve apart in all (the trade data has eleven reporters).
export const SERIES_COLORS = [
  '#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#6b6b6b', '#c9b400',
  '#332288', '#882255', '#44aa99', '#999933',
];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? '#0072b2';
}

// Round tick values (1, 2 or 5 times a power of ten) from 0 to at least max.
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? raw;
  const ticks: number[] = [];
  for (let value = 0; value < max + step * 0.999; value += step) ticks.push(Math.round(value * 1e6) / 1e6);
  return ticks;
}

const MARGIN = { top: 16, right: 48, bottom: 36, left: 64 };

export function timelineLegend(ctx: Ctx): HTMLElement {
  return h('ul', { class: 'series-legend', 'aria-hidden': 'true' },
    h('li', null, h('span', { class: 'swatch', style: 'background:#2c7fb8' }), ctx.t('timeline.established')),
    h('li', null, h('span', { class: 'swatch swatch-line' }), ctx.t('timeline.cumulative')));
}

export function timelineChart(years: TimelineYear[], ctx: Ctx): SVGSVGElement {
  const width = 960;
  const height = 260;
  const inner = { w: width - MARGIN.left - MARGIN.right, h: height - MARGIN.top - MARGIN.bottom };
  const first = years[0]?.year ?? 1991;
  const last = years[years.length - 1]?.year ?? first;
  const span = last - first + 1;
  const band = inner.w / span;
  const maxCount = Math.max(1, ...years.map((y) => y.established));
  const maxTotal = Math.max(1, ...years.map((y) => y.cumulative));
  const ticks = niceTicks(maxCount, 4);
  const top = ticks[ticks.length - 1] ?? maxCount;
  const totalTicks = niceTicks(maxTotal, 4);
  const totalTop = totalTicks[totalTicks.length - 1] ?? maxTotal;
  const x = (year: number): number => MARGIN.left + (year - first) * band;
  const y = (value: number): number => MARGIN.top + inner.h - (value / top) * inner.h;
  const yTotal = (value: number): number => MARGIN.top + inner.h - (value / totalTop) * inner.h;

  const grid = ticks.map((tick) =>
    s('g', { class: 'tick' },
      s('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(tick), y2: y(tick) }),
      s('text', { x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, formatInteger(tick, ctx.lang))),
  );
  const rightAxis = totalTicks.map((tick) =>
    s('text', { class: 'axis-right', x: width - MARGIN.right + 6, y: yTotal(tick) + 4 }, formatInteger(tick, ctx.lang)),
  );
  const bars = years.map((entry) =>
    s('rect', {
      class: 'bar',
      x: x(entry.year) + band * 0.15,
      y: y(entry.established),
      width: band * 0.7,
      height: Math.max(0, MARGIN.top + inner.h - y(entry.established)),
      'data-year': entry.year,
    }, s('title', null, `${entry.year}: ${ctx.t('timeline.established')} ${entry.established}; ${ctx.t('timeline.cumulative')} ${entry.cumulative}`)),
  );
  const line = s('polyline', {
    class: 'cumulative',
    points: years.map((entry) => `${x(entry.year) + band / 2},${yTotal(entry.cumulative)}`).join(' '),
  });
  const labels: SVGElement[] = [];
  for (let year = first; year <= last; year += 1) {
    if ((year - first) % 2 !== 0 && year !== last) continue;
    labels.push(s('text', { class: 'axis-x', x: x(year) + band / 2, y: height - MARGIN.bottom + 16, 'text-anchor': 'middle' }, String(year)));
  }
  return s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart timeline-chart',
    role: 'img',
    'aria-label': ctx.t('timeline.aria'),
    'data-testid': 'timeline-chart',
  }, grid, bars, line, rightAxis, labels);
}

function figureLabel(flow: TradeFlow, ctx: Ctx): string {
  const reporter = flow.reporter ?? ctx.t('trade.reporterUnknown');
  const value = flow.value_usd === null ? ctx.t('trade.noUsd') : `${formatUsd(flow.value_usd, flow.bound, ctx.lang)} USD`;
  return `${flow.year}, ${reporter}, ${formatPeriod(flow.period, ctx.lang)}: ${value}`;
}

// Grouped bars: one group per year, one bar per figure, coloured by reporter. Part-year figures are
// lighter and hatched; lower bounds carry "≥"; a figure without a USD value is a "?" on the axis.
export function tradeChart(groups: ChartGroup[], reporters: Array<string | null>, ctx: Ctx, flowLabel: string): SVGSVGElement {
  const width = 960;
  const height = 316;
  const inner = { w: width - MARGIN.left - MARGIN.right, h: height - MARGIN.top - MARGIN.bottom - 16 };
  const values = groups.flatMap((g) => g.bars.map((b) => b.value_usd ?? 0));
  const ticks = niceTicks(Math.max(1, ...values), 4);
  const top = ticks[ticks.length - 1] ?? 1;
  const y = (value: number): number => MARGIN.top + inner.h - (value / top) * inner.h;
  const totalBars = groups.reduce((sum, g) => sum + g.bars.length, 0);
  const gap = 18;
  const barWidth = Math.min(48, Math.max(6, (inner.w - gap * Math.max(0, groups.length - 1)) / Math.max(1, totalBars)));
  const color = (reporter: string | null): string => seriesColor(Math.max(0, reporters.indexOf(reporter)));
  const used = groups.reduce((sum, g) => sum + g.bars.length * barWidth, 0) + gap * Math.max(0, groups.length - 1);
  let cursor = MARGIN.left + Math.max(0, (inner.w - used) / 2);

  const content: SVGElement[] = [];
  for (const group of groups) {
    const start = cursor;
    for (const bar of group.bars) {
      const value = bar.value_usd;
      const partYear = !isFullYear(bar.period);
      const title = s('title', null, figureLabel(bar, ctx));
      if (value === null) {
        content.push(s('text', { class: 'bar-unknown', x: cursor + barWidth / 2, y: MARGIN.top + inner.h - 4, 'text-anchor': 'middle' }, '?', title));
      } else {
        const barTop = y(value);
        content.push(s('rect', {
          class: partYear ? 'bar part-year' : 'bar',
          x: cursor + 1,
          y: barTop,
          width: barWidth - 2,
          height: Math.max(1, MARGIN.top + inner.h - barTop),
          fill: color(bar.reporter),
          'data-testid': 'trade-bar',
        }, title));
        if (partYear) {
          content.push(s('rect', { class: 'hatch', x: cursor + 1, y: barTop, width: barWidth - 2, height: Math.max(1, MARGIN.top + inner.h - barTop), 'aria-hidden': 'true' }));
        }
        const period = formatPeriodShort(bar.period, ctx.lang);
        if (period !== null) {
          content.push(s('text', { class: 'bar-period', x: cursor + barWidth / 2, y: MARGIN.top + inner.h + 30, 'text-anchor': 'middle' }, barWidth >= 40 ? period : period.split('–')[1] ?? period));
        }
        if (barWidth >= 30) {
          const label = `${bar.bound === 'lower_bound' ? LOWER_BOUND_MARK : ''}${formatUsdCompact(value, ctx.lang)}`;
          content.push(s('text', { class: 'bar-label', x: cursor + barWidth / 2, y: barTop - 4, 'text-anchor': 'middle' }, label));
        } else if (bar.bound === 'lower_bound') {
          content.push(s('text', { class: 'bar-label', x: cursor + barWidth / 2, y: barTop - 4, 'text-anchor': 'middle' }, LOWER_BOUND_MARK));
        }
      }
      cursor += barWidth;
    }
    content.push(s('text', { class: 'axis-x', x: (start + cursor) / 2, y: MARGIN.top + inner.h + 16, 'text-anchor': 'middle' }, String(group.year)));
    cursor += gap;
  }
  const grid = ticks.map((tick) =>
    s('g', { class: 'tick' },
      s('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(tick), y2: y(tick) }),
      s('text', { x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, formatUsdCompact(tick, ctx.lang))),
  );
  return s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart trade-chart',
    role: 'img',
    'aria-label': ctx.t('trade.chartAria', { flow: flowLabel }),
    'data-testid': 'trade-chart',
  }, s('defs', null,
    s('pattern', { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#ffffff', 'stroke-width': 2 }))),
  grid, content);
}

export function reporterLegend(reporters: Array<string | null>, ctx: Ctx): HTMLElement {
  return h('ul', { class: 'series-legend' },
    reporters.map((reporter, index) =>
      h('li', null,
        h('span', { class: 'swatch', style: `background:${seriesColor(index)}`, 'aria-hidden': 'true' }),
        reporter === null ? h('span', null, ctx.t('trade.reporterUnknown')) : h('span', { lang: 'en' }, reporter))),
    h('li', null, h('span', { class: 'swatch swatch-part-year', 'aria-hidden': 'true' }), ctx.t('trade.legendPartYear')),
    h('li', null, ctx.t('trade.legendLowerBound')),
  );
}

export interface ShareBar {
  label: string;
  share: number | null;
  lowerBound: boolean;
}

// Horizontal bars of shares (0-1), longest first as given.
export function shareChart(bars: ShareBar[], ctx: Ctx): SVGSVGElement {
  const width = 960;
  const rowHeight = 26;
  const labelWidth = 220;
  const height = Math.max(1, bars.length) * rowHeight + 8;
  const scale = (share: number): number => (width - labelWidth - 90) * share;
  return s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart share-chart',
    role: 'img',
    'aria-label': ctx.t('concentration.chartAria'),
    'data-testid': 'share-chart',
  }, bars.map((bar, index) => {
    const top = 4 + index * rowHeight;
    const share = bar.share ?? 0;
    return s('g', null,
      s('text', { x: labelWidth - 8, y: top + 17, 'text-anchor': 'end' }, bar.label),
      s('rect', { class: 'bar', x: labelWidth, y: top + 4, width: Math.max(1, scale(share)), height: rowHeight - 8, fill: seriesColor(0) }),
      s('text', { class: 'bar-value', x: labelWidth + scale(share) + 6, y: top + 17 },
        `${bar.lowerBound ? LOWER_BOUND_MARK : ''}${formatShare(bar.share, ctx.lang)}`));
  }));
}

export interface SeriesPoint {
  year: number;
  value: number | null;
  series: string | null;
  lowerBound: boolean;
  label: string;
}

// Small bar chart for one bloc: bars per year, one per reporter, coloured by the reporter's index.
export function smallBars(points: SeriesPoint[], seriesOrder: Array<string | null>, ctx: Ctx, label: string, maxValue: number): SVGSVGElement {
  const width = 300;
  const height = 150;
  const margin = { top: 10, right: 6, bottom: 22, left: 66 };
  const innerH = height - margin.top - margin.bottom;
  const innerW = width - margin.left - margin.right;
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const ticks = niceTicks(Math.max(1, maxValue), 3);
  const top = ticks[ticks.length - 1] ?? 1;
  const y = (value: number): number => margin.top + innerH - (value / top) * innerH;
  const perYear = years.map((year) => points.filter((p) => p.year === year));
  const total = perYear.reduce((sum, list) => sum + list.length, 0);
  const gap = 6;
  const barWidth = Math.min(26, Math.max(4, (innerW - gap * Math.max(0, years.length - 1)) / Math.max(1, total)));
  let cursor = margin.left;
  // Every year while four-digit labels fit under the narrowest group, else every other one.
  const narrowest = Math.min(...perYear.map((list) => list.length * barWidth));
  const labelStep = narrowest + gap >= 30 ? 1 : 2;
  const content: SVGElement[] = [];
  perYear.forEach((list, index) => {
    const start = cursor;
    for (const point of list) {
      const title = s('title', null, point.label);
      if (point.value === null) {
        content.push(s('text', { class: 'bar-unknown', x: cursor + barWidth / 2, y: margin.top + innerH - 3, 'text-anchor': 'middle' }, '?', title));
      } else {
        content.push(s('rect', {
          class: 'bar', x: cursor + 1, y: y(point.value), width: barWidth - 2,
          height: Math.max(1, margin.top + innerH - y(point.value)),
          fill: seriesColor(Math.max(0, seriesOrder.indexOf(point.series))),
        }, title));
        if (point.lowerBound) content.push(s('text', { class: 'bar-label', x: cursor + barWidth / 2, y: y(point.value) - 2, 'text-anchor': 'middle' }, LOWER_BOUND_MARK));
      }
      cursor += barWidth;
    }
    if (index % labelStep === 0 || index === years.length - 1) {
      content.push(s('text', { class: 'axis-x', x: (start + cursor) / 2, y: height - 6, 'text-anchor': 'middle' }, String(years[index])));
    }
    cursor += gap;
  });
  const grid = ticks.map((tick) =>
    s('g', { class: 'tick' },
      s('line', { x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick) }),
      s('text', { x: margin.left - 4, y: y(tick) + 4, 'text-anchor': 'end' }, formatUsdCompact(tick, ctx.lang))));
  return s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart small-chart', role: 'img', 'aria-label': label }, grid, content);
}
