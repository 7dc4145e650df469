// Kyrgyzstan's memberships in international organizations, and one organization's member states.
import { getAll, getJson, withLang } from '../api';
import { h } from '../dom';
import { organizationHash, routeHash } from '../router';
import type { Membership, OrganizationDetail } from '../types';
import {
  countryLink, dataTable, dateElement, emptyNote, english, notesCell, roleText, section, source, type Ctx,
} from '../components/common';

export async function organizationsView(ctx: Ctx): Promise<HTMLElement> {
  const memberships = await getAll<Membership>('/organizations', withLang(ctx.lang));
  return h('div', { class: 'view view-organizations' },
    h('h1', { 'data-testid': 'page-title' }, ctx.t('orgs.title')),
    h('p', { class: 'explain' }, ctx.t('orgs.intro')),
    h('p', { class: 'muted' }, ctx.t('dataInEnglish')),
    h('div', { class: 'panel' }, dataTable(null, [
      { header: ctx.t('col.acronym'), cell: (m) => h('a', { href: organizationHash(m.org_acronym), 'data-testid': 'org-link' }, m.org_acronym), rowHeader: true },
      { header: ctx.t('col.organization'), cell: (m) => english(m.org_name, ctx.lang) },
      { header: ctx.t('col.joined'), cell: (m) => dateElement(m.date_joined, ctx), className: 'nowrap' },
      { header: ctx.t('col.role'), cell: (m) => roleText(m.role, ctx) },
      { header: ctx.t('col.notes'), cell: (m) => notesCell(m.notes, ctx) },
      { header: ctx.t('col.source'), cell: (m) => source(m.source_url, ctx) },
    ], memberships, { 'data-testid': 'organizations-table' })));
}

export async function organizationView(ctx: Ctx, acronym: string): Promise<HTMLElement> {
  const detail = await getJson<OrganizationDetail>(`/organizations/${encodeURIComponent(acronym)}`, withLang(ctx.lang));
  const m = detail.membership;
  document.title = `${m.org_acronym} — Ordo`;
  return h('div', { class: 'view view-organization' },
    h('p', { class: 'breadcrumb' }, h('a', { href: routeHash({ name: 'organizations' }) }, ctx.t('org.back'))),
    h('h1', { 'data-testid': 'page-title' }, m.org_acronym, m.org_name ? h('span', { class: 'subtitle', lang: 'en' }, m.org_name) : null),
    section('membership', ctx.t('org.membership'),
      h('dl', { class: 'facts-list' },
        h('dt', null, ctx.t('col.joined')), h('dd', null, dateElement(m.date_joined, ctx)),
        h('dt', null, ctx.t('col.role')), h('dd', null, roleText(m.role, ctx)),
        h('dt', null, ctx.t('col.source')), h('dd', null, source(m.source_url, ctx))),
      m.notes ? h('p', { class: 'notes', lang: 'en' }, m.notes) : null),
    section('members', ctx.t('org.members'),
      detail.members.length === 0 ? emptyNote(ctx) : dataTable(null, [
        { header: ctx.t('col.country'), cell: (c) => countryLink(c.iso3, c.name, ctx), rowHeader: true },
        { header: ctx.t('col.role'), cell: (c) => roleText(c.role, ctx) },
        { header: ctx.t('col.notes'), cell: (c) => notesCell(c.notes, ctx) },
        { header: ctx.t('col.source'), cell: (c) => source(c.source_url, ctx) },
      ], detail.members, { 'data-testid': 'members-table' })));
}
