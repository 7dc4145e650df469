// Small building blocks the screens share.
import { ApiError } from '../api';
import { h, sourceLink } from '../dom';
import { formatPartialDate, orUnknown, unknownText } from '../format';
import { regionName, translateOpen, type Translate } from '../i18n';
import { countryHash } from '../router';
import type { Lang, Precision } from '../types';

export interface Ctx {
  lang: Lang;
  t: Translate;
}

export function unknown(lang: Lang): HTMLElement {
  return h('span', { class: 'unknown' }, unknownText(lang));
}

// The text, or "unknown" marked as such.
export function textOrUnknown(value: string | number | null | undefined, lang: Lang): Node {
  if (value === null || value === undefined || value === '') return unknown(lang);
  return document.createTextNode(orUnknown(value, lang));
}

// Source data in English (statements, notes, organization names) marked with its language.
export function english(text: string | null, lang: Lang, tag: 'span' | 'p' | 'div' = 'span', className?: string): HTMLElement {
  if (text === null || text === '') return unknown(lang);
  return h(tag, { lang: 'en', class: className }, text);
}

export function notes(text: string | null): HTMLElement | null {
  if (text === null || text === '') return null;
  return h('span', { class: 'notes', lang: 'en' }, text);
}

export function dateElement(date: string | null, ctx: Ctx, precision?: Precision | null): HTMLElement {
  if (date === null || date === '') return unknown(ctx.lang);
  return h('time', { datetime: date }, formatPartialDate(date, ctx.lang, precision));
}

export function countryLink(iso3: string, name: string | null, _ctx: Ctx, testId?: string): HTMLElement {
  return h('a', { href: countryHash(iso3), 'data-testid': testId, 'data-iso3': iso3 }, name ?? iso3);
}

export function roleText(role: string | null, ctx: Ctx): Node {
  const text = translateOpen(ctx.t, 'role', role);
  return textOrUnknown(text, ctx.lang);
}

export function regionText(region: string | null, ctx: Ctx): Node {
  return textOrUnknown(regionName(region, ctx.lang), ctx.lang);
}

export function source(url: string | null, ctx: Ctx, testId?: string): HTMLElement {
  return url ? sourceLink(url, ctx.t('source'), { 'data-testid': testId, title: url }) : unknown(ctx.lang);
}

export function section(id: string, title: string, ...children: Array<Node | null | false | undefined>): HTMLElement {
  const headingId = `${id}-title`;
  return h('section', { id, class: 'panel', 'aria-labelledby': headingId }, h('h2', { id: headingId }, title), ...children);
}

export function emptyNote(ctx: Ctx): HTMLElement {
  return h('p', { class: 'empty' }, ctx.t('none'));
}

export interface Column<T> {
  header: string;
  cell: (row: T) => Node | string | null;
  rowHeader?: boolean;
  className?: string;
}

export function dataTable<T>(caption: string | null, columns: Column<T>[], rows: T[], attrs: Record<string, string> = {}): HTMLElement {
  const table = h(
    'table',
    attrs,
    caption ? h('caption', null, caption) : null,
    h('thead', null, h('tr', null, columns.map((column) => h('th', { scope: 'col', class: column.className }, column.header)))),
    h(
      'tbody',
      null,
      rows.map((row) =>
        h(
          'tr',
          null,
          columns.map((column) => {
            const content = column.cell(row);
            return column.rowHeader
              ? h('th', { scope: 'row', class: column.className }, content)
              : h('td', { class: column.className }, content);
          }),
        ),
      ),
    ),
  );
  return h('div', { class: 'table-scroll' }, table);
}

// A readable message for a failed request, with the problem's title, detail and parameter.
// A whole screen that is not found offers the way back to the overview; anything else a retry.
export function errorBox(error: unknown, ctx: Ctx, retry?: () => void, wholeScreen = false): HTMLElement {
  const lines: Array<Node | null> = [];
  if (error instanceof ApiError) {
    if (error.kind === 'network') {
      lines.push(h('p', null, ctx.t('error.network')));
    } else if (error.kind === 'json') {
      lines.push(h('p', null, ctx.t('error.badJson')));
    } else {
      const problem = error.problem;
      const title = problem?.title ?? '';
      lines.push(h('p', { class: 'problem-title' }, `${ctx.t('error.status', { status: error.status })}${title ? ` — ${title}` : ''}`));
      if (problem?.detail) lines.push(h('p', { class: 'problem-detail', lang: 'en' }, problem.detail));
      if (problem?.parameter) lines.push(h('p', null, ctx.t('error.parameter', { name: problem.parameter })));
    }
  } else {
    lines.push(h('p', { lang: 'en' }, error instanceof Error ? error.message : String(error)));
  }
  return h(
    'div',
    { class: 'error', role: 'alert', 'data-testid': 'error' },
    h('h2', null, ctx.t('error.title')),
    ...lines,
    error instanceof ApiError && error.status >= 400 && error.status < 500
      ? (wholeScreen ? h('p', null, h('a', { href: '#/' }, ctx.t('error.back'))) : null)
      : retry ? h('button', { type: 'button', onclick: () => retry() }, ctx.t('error.retry')) : null,
  );
}

// Runs an async part of a screen and puts its result, or a readable error, into a placeholder.
export function deferred(ctx: Ctx, build: () => Promise<Node>, testId?: string): HTMLElement {
  const holder = h('div', { class: 'deferred', 'aria-busy': 'true', 'data-testid': testId }, h('p', { class: 'loading' }, ctx.t('loading')));
  const run = (): void => {
    holder.setAttribute('aria-busy', 'true');
    build()
      .then((node) => holder.replaceChildren(node))
      .catch((error: unknown) => holder.replaceChildren(errorBox(error, ctx, run)))
      .finally(() => holder.setAttribute('aria-busy', 'false'));
  };
  run();
  return holder;
}

// Notes, or a dash read out as "nothing recorded" where a row has none.
export function notesCell(text: string | null, ctx: Ctx): HTMLElement {
  return notes(text) ?? h('span', { class: 'muted', title: ctx.t('none'), 'aria-label': ctx.t('none') }, '—');
}
