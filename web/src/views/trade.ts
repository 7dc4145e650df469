// Trade: the multi-vector balance by bloc, concentration by partner for a chosen year, and every
// figure by partner with its reporters side by side.
import { getAll, getJson, withLang } from '../api';
import { h } from '../dom';
import { formatDecimal, formatInteger, formatShare, formatUsd } from '../format';
import { translateOpen } from '../i18n';
import { routeHash } from '../router';
import { defaultYear, FLOW_ORDER } from '../trade-table';
import type { Balance, Concentration, Country, Flow, TradeFlow } from '../types';
import { seriesColor, shareChart, smallBars, type SeriesPoint } from '../components/charts';
import {
  countryLink, dataTable, deferred, emptyNote, english, section, source, textOrUnknown, type Ctx,
} from '../components/common';
import { tradeTable } from '../components/trade-view';

function blocName(bloc: { id: string; name: string }, ctx: Ctx): string {
  return translateOpen(ctx.t, 'bloc', bloc.id) ?? bloc.name;
}

async function balanceContent(ctx: Ctx, flow: Flow, names: Map<string, string>): Promise<Node> {
  const balance = await getJson<Balance>('/trade/balance', withLang(ctx.lang, { flow }));
  const reporters = [...new Set(balance.series.map((entry) => entry.reporter))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b));
  const reporterText = (reporter: string | null): string => reporter ?? ctx.t('trade.reporterUnknown');
  const panels = balance.blocs.map((bloc) => {
    const series = balance.series.filter((entry) => entry.bloc === bloc.id);
    const title = blocName(bloc, ctx);
    const points: SeriesPoint[] = series.map((entry) => ({
      year: entry.year,
      value: entry.value_usd,
      series: entry.reporter,
      lowerBound: entry.includes_lower_bounds,
      label: `${entry.year}, ${reporterText(entry.reporter)}: ${formatUsd(entry.value_usd, entry.includes_lower_bounds ? 'lower_bound' : 'exact', ctx.lang)} USD`,
    }));
    return h('figure', { class: 'bloc-panel', 'data-testid': 'bloc-panel', 'data-bloc': bloc.id },
      h('figcaption', null, h('strong', null, title), h('span', { class: 'muted' }, ` (${bloc.members.map((m) => names.get(m) ?? m).join(', ')})`)),
      series.length === 0
        ? h('p', { class: 'empty' }, ctx.t('balance.none'))
        : smallBars(points, reporters, ctx, title, Math.max(1, ...series.map((entry) => entry.value_usd ?? 0))));
  });
  const legend = h('ul', { class: 'series-legend' }, reporters.map((reporter, index) =>
    h('li', null, h('span', { class: 'swatch', style: `background:${seriesColor(index)}`, 'aria-hidden': 'true' }),
      reporter === null ? ctx.t('trade.reporterUnknown') : h('span', { lang: 'en' }, reporter))),
  h('li', null, `≥ ${ctx.t('balance.lowerBound')}`));
  const blocById = new Map(balance.blocs.map((bloc) => [bloc.id, bloc]));
  const table = dataTable(null, [
    { header: ctx.t('col.year'), cell: (e) => String(e.year), rowHeader: true },
    { header: ctx.t('col.bloc'), cell: (e) => { const bloc = blocById.get(e.bloc); return bloc ? blocName(bloc, ctx) : e.bloc; } },
    { header: ctx.t('col.reporter'), cell: (e) => (e.reporter === null ? ctx.t('trade.reporterUnknown') : english(e.reporter, ctx.lang)) },
    { header: ctx.t('col.value'), cell: (e) => h('span', { class: 'nowrap' }, formatUsd(e.value_usd, e.includes_lower_bounds ? 'lower_bound' : 'exact', ctx.lang)), className: 'num' },
    { header: ctx.t('col.partners'), cell: (e) => h('span', { class: 'inline-list' }, e.partners.map((iso3) => countryLink(iso3, names.get(iso3) ?? iso3, ctx))) },
  ], balance.series, { 'data-testid': 'balance-table' });
  return h('div', null, h('div', { class: 'bloc-grid' }, panels), legend, h('details', null, h('summary', null, ctx.t('timeline.table')), table));
}

function balanceSection(ctx: Ctx, names: Map<string, string>): HTMLElement {
  const holder = h('div');
  const picker = h('fieldset', { class: 'flow-picker' }, h('legend', null, ctx.t('trade.flowPicker')),
    FLOW_ORDER.map((flow) => {
      const id = `balance-flow-${flow}`;
      const input = h('input', { type: 'radio', name: 'balance-flow', id, value: flow, checked: flow === 'total' });
      input.addEventListener('change', () => holder.replaceChildren(deferred(ctx, () => balanceContent(ctx, flow, names))));
      return h('label', { for: id }, input, ctx.t(`flow.${flow}`));
    }));
  holder.replaceChildren(deferred(ctx, () => balanceContent(ctx, 'total', names), 'balance'));
  return h('div', null, h('p', { class: 'explain' }, ctx.t('balance.explain')), picker, holder);
}

async function concentrationContent(ctx: Ctx, year: number, flow: Flow, reporter: string | null, names: Map<string, string>): Promise<Node> {
  const answer = await getJson<Concentration>('/trade/concentration', withLang(ctx.lang, { year, flow, reporter }));
  const partnerName = (iso3: string, name: string | null): string => name ?? names.get(iso3) ?? iso3;
  const summary = h('dl', { class: 'facts-list', 'data-testid': 'concentration-summary' },
    h('dt', null, ctx.t('concentration.reporter')), h('dd', null, answer.reporter ? english(answer.reporter, ctx.lang) : textOrUnknown(null, ctx.lang)),
    h('dt', null, ctx.t('concentration.hhi')), h('dd', { 'data-testid': 'hhi' }, formatDecimal(answer.hhi, 0, ctx.lang)),
    h('dt', null, ctx.t('concentration.covered')), h('dd', null, formatInteger(answer.covered_total_usd, ctx.lang)));
  const table = dataTable(null, [
    { header: ctx.t('col.partner'), cell: (p) => countryLink(p.partner_iso3, partnerName(p.partner_iso3, p.partner), ctx), rowHeader: true },
    { header: ctx.t('col.value'), cell: (p) => h('span', { class: 'nowrap' }, formatUsd(p.value_usd, p.bound, ctx.lang)), className: 'num' },
    { header: ctx.t('col.share'), cell: (p) => `${p.bound === 'lower_bound' && p.share !== null ? '≥\u00a0' : ''}${formatShare(p.share, ctx.lang)}`, className: 'num' },
    { header: ctx.t('col.source'), cell: (p) => source(p.source_url, ctx) },
  ], answer.partners, { 'data-testid': 'concentration-table' });
  const missing = answer.missing.length === 0 ? emptyNote(ctx) : dataTable(null, [
    { header: ctx.t('col.partner'), cell: (m) => countryLink(m.partner_iso3, partnerName(m.partner_iso3, m.partner), ctx), rowHeader: true },
    { header: ctx.t('col.reason'), cell: (m) => english(m.reason, ctx.lang) },
  ], answer.missing, { 'data-testid': 'concentration-missing' });
  const others = answer.other_reporters.length === 0 ? null : h('div', null,
    h('h3', null, ctx.t('concentration.otherReporters')),
    h('ul', { class: 'inline-list' }, answer.other_reporters.map((other) =>
      h('li', null, h('a', { href: routeHash({ name: 'trade', year, flow, reporter: other }), lang: 'en' }, other)))));
  return h('div', { 'data-testid': 'concentration' },
    summary,
    answer.includes_lower_bounds ? h('p', { class: 'warning' }, ctx.t('concentration.includesLowerBounds')) : null,
    shareChart(answer.partners.map((p) => ({ label: partnerName(p.partner_iso3, p.partner), share: p.share, lowerBound: p.bound === 'lower_bound' })), ctx),
    table,
    h('h3', null, ctx.t('concentration.missing')),
    missing,
    others,
    answer.notes.length === 0 ? null : h('div', null, h('h3', null, ctx.t('concentration.notes')),
      h('ul', null, answer.notes.map((note) => h('li', { lang: 'en' }, note)))));
}

function concentrationSection(ctx: Ctx, flows: TradeFlow[], names: Map<string, string>, route: { year: number | null; flow: Flow | null; reporter: string | null }): HTMLElement {
  const years = [...new Set(flows.map((f) => f.year))].sort((a, b) => b - a);
  const year = route.year ?? defaultYear(flows) ?? years[0] ?? null;
  const flow = route.flow ?? 'total';
  const reporters = [...new Set(flows.filter((f) => f.year === year).map((f) => f.reporter).filter((r): r is string => r !== null))].sort();
  const yearSelect = h('select', { id: 'concentration-year', name: 'year', 'data-testid': 'year-picker' },
    (year !== null && !years.includes(year) ? [year, ...years] : years).map((y) => h('option', { value: y, selected: y === year }, String(y))));
  const flowSelect = h('select', { id: 'concentration-flow', name: 'flow' },
    FLOW_ORDER.map((f) => h('option', { value: f, selected: f === flow }, ctx.t(`flow.${f}`))));
  const reporterSelect = h('select', { id: 'concentration-reporter', name: 'reporter' },
    h('option', { value: '', selected: route.reporter === null }, ctx.t('concentration.defaultReporter')),
    (route.reporter !== null && !reporters.includes(route.reporter) ? [route.reporter, ...reporters] : reporters)
      .map((r) => h('option', { value: r, selected: r === route.reporter, lang: 'en' }, r)));
  const form = h('form', { class: 'picker-form', 'data-testid': 'concentration-form' },
    h('label', { for: 'concentration-year' }, ctx.t('concentration.year')), yearSelect,
    h('label', { for: 'concentration-flow' }, ctx.t('concentration.flow')), flowSelect,
    h('label', { for: 'concentration-reporter' }, ctx.t('concentration.reporter')), reporterSelect,
    h('button', { type: 'submit' }, ctx.t('concentration.show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosenYear = Number(yearSelect.value);
    // A reporter belongs to a year: a new year starts from Ordo's choice again.
    const keepReporter = chosenYear === year ? reporterSelect.value || null : null;
    location.hash = routeHash({ name: 'trade', year: chosenYear, flow: flowSelect.value as Flow, reporter: keepReporter });
  });
  yearSelect.addEventListener('change', () => form.requestSubmit());
  return h('div', null,
    h('p', { class: 'explain' }, ctx.t('concentration.explain')),
    form,
    year === null ? emptyNote(ctx) : deferred(ctx, () => concentrationContent(ctx, year, flow, route.reporter, names), 'concentration-result'));
}

function partnersSection(ctx: Ctx, flows: TradeFlow[], names: Map<string, string>): HTMLElement {
  const byPartner = new Map<string, TradeFlow[]>();
  for (const flow of flows) byPartner.set(flow.partner_iso3, [...(byPartner.get(flow.partner_iso3) ?? []), flow]);
  const partners = [...byPartner.keys()].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b, ctx.lang));
  if (partners.length === 0) return emptyNote(ctx);
  return h('div', null,
    h('nav', { 'aria-label': ctx.t('allTrade.title'), class: 'partner-index' },
      h('ul', { class: 'inline-list' }, partners.map((iso3) => h('li', null, h('a', { href: `#partner-${iso3}`, onclick: (event: Event) => {
        event.preventDefault();
        document.getElementById(`partner-${iso3}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      } }, names.get(iso3) ?? iso3))))),
    partners.map((iso3) => h('section', { class: 'partner', id: `partner-${iso3}`, 'aria-labelledby': `partner-${iso3}-title`, 'data-testid': 'partner-trade' },
      h('h3', { id: `partner-${iso3}-title` }, countryLink(iso3, names.get(iso3) ?? iso3, ctx)),
      tradeTable(byPartner.get(iso3) ?? [], ctx))));
}

export async function tradeView(ctx: Ctx, route: { year: number | null; flow: Flow | null; reporter: string | null }): Promise<HTMLElement> {
  const [flows, countries] = await Promise.all([
    getAll<TradeFlow>('/trade', withLang(ctx.lang)),
    getAll<Country>('/countries', withLang(ctx.lang)).catch(() => [] as Country[]),
  ]);
  const names = new Map<string, string>(countries.map((c) => [c.iso3, c.name]));
  for (const flow of flows) if (flow.partner) names.set(flow.partner_iso3, flow.partner);
  return h('div', { class: 'view view-trade' },
    h('h1', { 'data-testid': 'page-title' }, ctx.t('tradePage.title')),
    h('p', { class: 'explain' }, ctx.t('tradePage.intro')),
    section('balance', ctx.t('balance.title'), balanceSection(ctx, names)),
    section('concentration', ctx.t('concentration.title'), concentrationSection(ctx, flows, names, route)),
    section('all-trade', ctx.t('allTrade.title'), partnersSection(ctx, flows, names)));
}
