// Overview: what the registry holds, the world map of relations, the timeline and memberships.
import { getAll, getJson, withLang } from '../api';
import { h } from '../dom';
import { formatInteger } from '../format';
import { countryHash, organizationHash } from '../router';
import type { Country, Coverage, Membership, Relation, Summary, Timeline } from '../types';
import { timelineChart, timelineLegend } from '../components/charts';
import {
  countryLink, dataTable, dateElement, deferred, english, roleText, section, source, textOrUnknown, type Ctx,
} from '../components/common';
import { worldMap } from '../components/world-map';

function counts(summary: Summary, ctx: Ctx): HTMLElement {
  const number = (value: number | null): Node => textOrUnknown(value === null ? null : formatInteger(value, ctx.lang), ctx.lang);
  const item = (key: string, label: string, value: Node): HTMLElement =>
    h('div', { class: 'count', 'data-testid': `count-${key}` }, h('dt', null, label), h('dd', null, value));
  const unValue = h('span', null, number(summary.un_members_with_relations),
    summary.un_members === null ? null : h('span', { class: 'count-of' }, ` ${ctx.t('count.ofTotal', { total: formatInteger(summary.un_members, ctx.lang) })}`));
  return h('dl', { class: 'counts' },
    item('relations', ctx.t('count.relations'), number(summary.relations)),
    item('un-members', ctx.t('count.unMembers'), unValue),
    item('countries', ctx.t('count.countries'), number(summary.countries)),
    item('memberships', ctx.t('count.memberships'), number(summary.memberships)),
    item('trade-flows', ctx.t('count.tradeFlows'), number(summary.trade_flows)),
    item('drug-facts', ctx.t('count.drugFacts'), number(summary.drug_facts)),
    item('places', ctx.t('count.places'), number(summary.places)));
}

async function mapSection(ctx: Ctx): Promise<Node> {
  const [relations, coverage, countries] = await Promise.all([
    getAll<Relation>('/relations', withLang(ctx.lang)),
    getJson<Coverage>('/coverage', withLang(ctx.lang)).catch(() => null),
    getAll<Country>('/countries', withLang(ctx.lang)).catch(() => [] as Country[]),
  ]);
  const names = new Map<string, string>(countries.map((c) => [c.iso3, c.name]));
  for (const relation of relations) names.set(relation.iso3, relation.name);
  for (const missing of coverage?.without_relations ?? []) if (missing.name) names.set(missing.iso3, missing.name);
  return worldMap({ relations, coverage, names }, ctx);
}

async function timelineSection(ctx: Ctx): Promise<Node> {
  const [timeline, relations] = await Promise.all([
    getJson<Timeline>('/timeline', withLang(ctx.lang)),
    getAll<Relation>('/relations', withLang(ctx.lang)).catch(() => [] as Relation[]),
  ]);
  const names = new Map(relations.map((r) => [r.iso3, r.name]));
  const table = dataTable(null, [
    { header: ctx.t('col.year'), cell: (y) => String(y.year), rowHeader: true },
    { header: ctx.t('col.established'), cell: (y) => formatInteger(y.established, ctx.lang), className: 'num' },
    { header: ctx.t('col.yearOnly'), cell: (y) => formatInteger(y.year_only_dates, ctx.lang), className: 'num' },
    { header: ctx.t('col.cumulative'), cell: (y) => formatInteger(y.cumulative, ctx.lang), className: 'num' },
    {
      header: ctx.t('col.countries'),
      cell: (y) => h('span', { class: 'inline-list' }, y.countries.map((iso3) => countryLink(iso3, names.get(iso3) ?? iso3, ctx))),
    },
  ], timeline.years, { 'data-testid': 'timeline-table' });
  return h('div', null,
    timelineLegend(ctx),
    timelineChart(timeline.years, ctx),
    h('p', { 'data-testid': 'timeline-undated' }, ctx.t('timeline.undated', {
      n: formatInteger(timeline.undated, ctx.lang),
    })),
    h('details', null, h('summary', null, ctx.t('timeline.table')), table));
}

async function membershipsSection(ctx: Ctx): Promise<Node> {
  const memberships = await getAll<Membership>('/organizations', withLang(ctx.lang));
  return dataTable(null, [
    { header: ctx.t('col.acronym'), cell: (m) => h('a', { href: organizationHash(m.org_acronym) }, m.org_acronym), rowHeader: true },
    { header: ctx.t('col.organization'), cell: (m) => english(m.org_name, ctx.lang) },
    { header: ctx.t('col.joined'), cell: (m) => dateElement(m.date_joined, ctx) },
    { header: ctx.t('col.role'), cell: (m) => roleText(m.role, ctx) },
    { header: ctx.t('col.source'), cell: (m) => source(m.source_url, ctx) },
  ], memberships, { 'data-testid': 'memberships-table' });
}

async function withoutRelationsSection(ctx: Ctx): Promise<Node> {
  const coverage = await getJson<Coverage>('/coverage', withLang(ctx.lang));
  const table = dataTable(null, [
    { header: ctx.t('col.country'), cell: (c) => countryLink(c.iso3, c.name, ctx), rowHeader: true },
    { header: ctx.t('col.status'), cell: (c) => english(c.status, ctx.lang) },
    { header: ctx.t('col.basis'), cell: (c) => english(c.basis, ctx.lang) },
    { header: ctx.t('col.laterEstablished'), cell: (c) => dateElement(c.later_established, ctx) },
    { header: ctx.t('col.source'), cell: (c) => source(c.source_url, ctx) },
  ], coverage.without_relations, { 'data-testid': 'without-relations-table' });
  const nonMembers = coverage.non_members_with_relations;
  return h('div', null,
    table,
    nonMembers.length === 0 ? null : h('p', { 'data-testid': 'non-members' }, `${ctx.t('coverage.nonMembers')}: `,
      h('span', { class: 'inline-list' }, nonMembers.map((c) => countryLink(c.iso3, c.name, ctx)))),
    coverage.inconsistencies.length === 0 ? null : h('div', { class: 'warning' },
      h('p', null, ctx.t('coverage.inconsistencies')),
      h('ul', null, coverage.inconsistencies.map((text) => h('li', { lang: 'en' }, text)))));
}

// The API finds a country by ISO code or by any of its names (docs/api: /countries/{code}).
function countrySearch(ctx: Ctx): HTMLElement {
  const input = h('input', { type: 'search', id: 'country-search', name: 'country', required: true, autocomplete: 'off', 'data-testid': 'country-search' });
  const form = h('form', { class: 'picker-form', role: 'search' },
    h('label', { for: 'country-search' }, ctx.t('search.label')), input,
    h('button', { type: 'submit' }, ctx.t('search.submit')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text !== '') location.hash = countryHash(text);
  });
  return form;
}

export function overviewView(ctx: Ctx): HTMLElement {
  return h('div', { class: 'view view-overview' },
    h('h1', { 'data-testid': 'page-title' }, ctx.t('overview.title')),
    section('counts', ctx.t('overview.counts'),
      deferred(ctx, async () => counts(await getJson<Summary>('/summary', withLang(ctx.lang)), ctx), 'counts')),
    section('map', ctx.t('map.title'), countrySearch(ctx), deferred(ctx, () => mapSection(ctx), 'map')),
    section('timeline', ctx.t('timeline.title'), deferred(ctx, () => timelineSection(ctx))),
    section('memberships', ctx.t('memberships.title'), deferred(ctx, () => membershipsSection(ctx))),
    section('without-relations', ctx.t('withoutRelations.title'), deferred(ctx, () => withoutRelationsSection(ctx))));
}
