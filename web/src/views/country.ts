// A country's profile: names, region, the relation and its source, shared organizations, trade by
// year and reporter, land neighbours, drug-trade facts and places.
import { getJson, withLang } from '../api';
import { h } from '../dom';
import { formatCoordinates, formatQuantity } from '../format';
import { translateOpen } from '../i18n';
import { organizationHash } from '../router';
import type { CountryProfile, Fact, Place } from '../types';
import {
  countryLink, dataTable, dateElement, emptyNote, english, notes, notesCell, regionText, roleText, section, source,
  textOrUnknown, unknown, type Ctx,
} from '../components/common';
import { tradeBlock } from '../components/trade-view';

function namesList(profile: CountryProfile, ctx: Ctx): HTMLElement {
  const c = profile.country;
  const row = (label: string, value: Node, testId?: string): HTMLElement[] => [
    h('dt', null, label), h('dd', { 'data-testid': testId }, value)];
  return h('dl', { class: 'facts-list', 'data-testid': 'country-names' },
    row(ctx.t('country.nameEn'), textOrUnknown(c.name_en, ctx.lang)),
    row(ctx.t('country.nameRu'), textOrUnknown(c.name_ru, ctx.lang)),
    row(ctx.t('country.nameKy'), textOrUnknown(c.name_ky, ctx.lang)),
    row(ctx.t('country.iso3'), textOrUnknown(c.iso3, ctx.lang)),
    row(ctx.t('country.iso2'), textOrUnknown(c.iso2, ctx.lang)),
    row(ctx.t('country.region'), regionText(c.region, ctx)),
    row(ctx.t('country.subregion'), regionText(c.subregion, ctx)),
    row(ctx.t('country.unMember'), c.un_member === null ? unknown(ctx.lang) : document.createTextNode(ctx.t(c.un_member ? 'yes' : 'no'))));
}

function relationBlock(profile: CountryProfile, ctx: Ctx): HTMLElement {
  const relation = profile.relation;
  if (relation) {
    const precisionNote = relation.precision === 'year'
      ? ctx.t('relation.precisionYear')
      : relation.precision === 'month' ? ctx.t('relation.precisionMonth') : null;
    return h('div', { 'data-testid': 'relation' },
      h('dl', { class: 'facts-list' },
        h('dt', null, ctx.t('relation.established')),
        h('dd', { 'data-testid': 'relation-date' }, dateElement(relation.date_established, ctx, relation.precision),
          precisionNote ? h('span', { class: 'muted' }, ` (${precisionNote})`) : null),
        h('dt', null, ctx.t('col.source')),
        h('dd', null, source(relation.source_url, ctx, 'relation-source'))),
      relation.notes ? h('p', { class: 'notes', lang: 'en' }, relation.notes) : null);
  }
  const missing = profile.missing_relation;
  if (missing) {
    return h('div', { 'data-testid': 'missing-relation' },
      h('p', null, h('strong', null, ctx.t('relation.missingTitle'))),
      h('dl', { class: 'facts-list' },
        h('dt', null, ctx.t('col.status')), h('dd', null, english(missing.status, ctx.lang)),
        h('dt', null, ctx.t('col.basis')), h('dd', null, english(missing.basis, ctx.lang)),
        h('dt', null, ctx.t('col.laterEstablished')), h('dd', null, dateElement(missing.later_established, ctx)),
        h('dt', null, ctx.t('col.source')), h('dd', null, source(missing.source_url, ctx, 'relation-source'))),
      missing.notes ? h('p', { class: 'notes', lang: 'en' }, missing.notes) : null);
  }
  return h('p', { 'data-testid': 'relation' }, ctx.t(profile.country.iso3 === 'KGZ' ? 'relation.self' : 'relation.none'));
}

export function factsTable(facts: Fact[], ctx: Ctx, testId: string): HTMLElement {
  if (facts.length === 0) return emptyNote(ctx);
  return dataTable(null, [
    { header: ctx.t('col.year'), cell: (f) => textOrUnknown(f.year, ctx.lang), rowHeader: true, className: 'nowrap' },
    { header: ctx.t('col.statement'), cell: (f) => h('div', null, english(f.statement, ctx.lang, 'p', 'statement'), notes(f.notes)) },
    { header: ctx.t('col.quantity'), cell: (f) => textOrUnknown(f.quantity === null ? null : formatQuantity(f.quantity, f.unit, ctx.lang), ctx.lang), className: 'num' },
    { header: ctx.t('col.place'), cell: (f) => (f.place ? english(f.place, ctx.lang) : unknown(ctx.lang)) },
    { header: ctx.t('col.source'), cell: (f) => source(f.source_url, ctx) },
  ], facts, { 'data-testid': testId, class: 'facts-table' });
}

export function placesTable(places: Place[], ctx: Ctx, testId: string): HTMLElement {
  if (places.length === 0) return emptyNote(ctx);
  return dataTable(null, [
    { header: ctx.t('col.place'), cell: (p) => english(p.name, ctx.lang), rowHeader: true },
    { header: ctx.t('col.kind'), cell: (p) => textOrUnknown(translateOpen(ctx.t, 'kind', p.kind), ctx.lang) },
    {
      header: ctx.t('col.coordinates'),
      cell: (p) => {
        const text = formatCoordinates(p.lat, p.lon, ctx.lang);
        return text === null
          ? h('span', { class: 'unknown', 'data-testid': 'location-unknown' }, ctx.t('place.locationUnknown'))
          : h('span', { class: 'nowrap' }, text);
      },
    },
    { header: ctx.t('col.notes'), cell: (p) => notesCell(p.notes, ctx) },
    { header: ctx.t('col.source'), cell: (p) => source(p.source_url, ctx) },
  ], places, { 'data-testid': testId });
}

export async function countryView(ctx: Ctx, code: string): Promise<HTMLElement> {
  const profile = await getJson<CountryProfile>(`/countries/${encodeURIComponent(code)}`, withLang(ctx.lang));
  const c = profile.country;
  document.title = `${c.name} — Ordo`;
  const isKyrgyzstan = c.iso3 === 'KGZ';
  const orgs = profile.shared_organizations.length === 0 ? emptyNote(ctx) : dataTable(null, [
    { header: ctx.t('col.acronym'), cell: (o) => h('a', { href: organizationHash(o.org_acronym) }, o.org_acronym), rowHeader: true },
    { header: ctx.t('col.organization'), cell: (o) => english(o.org_name, ctx.lang) },
    { header: ctx.t('col.joined'), cell: (o) => dateElement(o.kyrgyzstan_joined, ctx) },
    { header: ctx.t('col.kgRole'), cell: (o) => roleText(o.kyrgyzstan_role, ctx) },
    { header: ctx.t('col.partnerRole'), cell: (o) => roleText(o.partner_role, ctx) },
    { header: ctx.t('col.source'), cell: (o) => source(o.source_url, ctx) },
  ], profile.shared_organizations, { 'data-testid': 'shared-organizations' });
  const neighbours = profile.neighbours.length === 0
    ? emptyNote(ctx)
    : h('ul', { class: 'inline-list', 'data-testid': 'neighbours' },
      profile.neighbours.map((n) => h('li', null, countryLink(n.iso3, n.name, ctx))));
  return h('div', { class: 'view view-country', 'data-iso3': c.iso3 },
    h('p', { class: 'breadcrumb' }, ctx.t('country.title')),
    h('h1', { 'data-testid': 'country-name' }, c.name),
    section('names', ctx.t('country.names'), namesList(profile, ctx)),
    section('relation', ctx.t('relation.title'), relationBlock(profile, ctx)),
    // Kyrgyzstan's own profile has no trade with itself; its memberships are on the organizations screen.
    isKyrgyzstan ? null : section('trade', ctx.t('trade.title'),
      profile.trade.length > 0 ? h('p', { class: 'explain' }, ctx.t('trade.explain')) : null,
      tradeBlock(profile.trade, ctx, 'country')),
    isKyrgyzstan ? null : section('shared-orgs', ctx.t('sharedOrgs.title'), orgs),
    section('neighbours', ctx.t('neighbours.title'), neighbours),
    section('country-facts', ctx.t('countryFacts.title'), factsTable(profile.drug_facts, ctx, 'country-facts')),
    section('country-places', ctx.t('countryPlaces.title'), placesTable(profile.places, ctx, 'country-places')));
}
