// Trade figures of one partner: a chart for the chosen flow and a table in which every reporter has
// its own column, so conflicting figures for one year stand side by side.
import { h } from '../dom';
import { formatPeriod, formatUsd, isFullYear } from '../format';
import { chartGroups, flowsPresent, groupTrade } from '../trade-table';
import type { Flow, TradeFlow } from '../types';
import { reporterLegend, seriesColor, tradeChart } from './charts';
import { emptyNote, notes, type Ctx } from './common';

function figure(flow: TradeFlow, ctx: Ctx): HTMLElement {
  const value = formatUsd(flow.value_usd, flow.bound, ctx.lang);
  const valueNode = flow.value_usd === null
    ? h('span', { class: 'unknown', 'data-testid': 'trade-value' }, value)
    : flow.source_url
      ? h('a', {
        href: flow.source_url,
        rel: 'noopener noreferrer external',
        target: '_blank',
        class: 'figure-value',
        'data-testid': 'trade-value',
        'data-value': flow.value_usd,
        title: ctx.t('sourceOf', { what: flow.source_url }),
      }, value)
      : h('span', { class: 'figure-value', 'data-testid': 'trade-value', 'data-value': flow.value_usd }, value);
  const badges: HTMLElement[] = [];
  if (flow.bound === 'lower_bound') {
    badges.push(h('abbr', { class: 'badge badge-bound', title: ctx.t('trade.lowerBound') }, ctx.t('trade.lowerBoundShort')));
  }
  if (!isFullYear(flow.period)) {
    badges.push(h('span', { class: 'badge badge-period', title: ctx.t('trade.partYear') }, formatPeriod(flow.period, ctx.lang)));
  }
  if (flow.value_usd === null && flow.source_url) {
    badges.push(h('a', { href: flow.source_url, rel: 'noopener noreferrer external', target: '_blank', class: 'source' }, ctx.t('source')));
  }
  return h('div', { class: 'figure', 'data-testid': 'trade-figure', 'data-year': flow.year, 'data-flow': flow.flow },
    h('div', { class: 'figure-line' }, valueNode, ...badges),
    notes(flow.notes));
}

export function tradeTable(flows: TradeFlow[], ctx: Ctx): HTMLElement {
  const table = groupTrade(flows);
  const head = h('tr', null,
    h('th', { scope: 'col' }, ctx.t('col.year')),
    h('th', { scope: 'col' }, ctx.t('col.flow')),
    table.reporters.map((reporter, index) =>
      h('th', { scope: 'col', class: 'reporter-col' },
        h('span', { class: 'swatch', style: `background:${seriesColor(index)}`, 'aria-hidden': 'true' }),
        reporter === null ? ctx.t('trade.reporterUnknown') : h('span', { lang: 'en' }, reporter))));
  const body = table.rows.map((row) =>
    h('tr', { class: row.reportersDiffer ? 'reporters-differ' : null, 'data-testid': 'trade-row', 'data-year': row.year, 'data-flow': row.flow },
      h('th', { scope: 'row' }, String(row.year)),
      h('td', null, ctx.t(`flow.${row.flow}`),
        row.reportersDiffer ? h('span', { class: 'badge badge-differ' }, ctx.t('trade.reportersDiffer')) : null),
      row.cells.map((cell) => h('td', { class: 'figures' }, cell.length === 0
        ? h('span', { class: 'muted', title: ctx.t('trade.noFigure'), 'aria-label': ctx.t('trade.noFigure') }, '—')
        : cell.map((flow) => figure(flow, ctx))))));
  return h('div', { class: 'table-scroll' },
    h('table', { class: 'trade-table', 'data-testid': 'trade-table' },
      h('caption', null, ctx.t('trade.tableCaption')),
      h('thead', null, head),
      h('tbody', null, body)));
}

// Chart with a flow picker above the table.
export function tradeBlock(flows: TradeFlow[], ctx: Ctx, idPrefix: string): HTMLElement {
  if (flows.length === 0) return emptyNote(ctx);
  const reporters = groupTrade(flows).reporters;
  const present = flowsPresent(flows);
  let current: Flow = present[0] ?? 'total';
  const chartHolder = h('div', { class: 'chart-holder' });
  const draw = (): void => {
    chartHolder.replaceChildren(tradeChart(chartGroups(flows, current), reporters, ctx, ctx.t(`flow.${current}`)));
  };
  const picker = h('fieldset', { class: 'flow-picker' },
    h('legend', null, ctx.t('trade.flowPicker')),
    present.map((flow) => {
      const id = `${idPrefix}-flow-${flow}`;
      const input = h('input', { type: 'radio', name: `${idPrefix}-flow`, id, value: flow, checked: flow === current });
      input.addEventListener('change', () => {
        current = flow;
        draw();
      });
      return h('label', { for: id }, input, ctx.t(`flow.${flow}`));
    }));
  draw();
  return h('div', { class: 'trade-block' }, present.length > 1 ? picker : null, chartHolder, reporterLegend(reporters, ctx), tradeTable(flows, ctx));
}
