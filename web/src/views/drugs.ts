// The illegal drug trade: sourced facts by topic, and the places on trafficking routes.
import { getAll, withLang } from '../api';
import { h } from '../dom';
import { formatInteger } from '../format';
import { translateOpen } from '../i18n';
import { groupByTopic } from '../facts';
import type { Country, Fact, Place } from '../types';
import { deferred, section, type Ctx } from '../components/common';
import { regionMap } from '../components/region-map';
import { factsTable, placesTable } from './country';

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

async function placesContent(ctx: Ctx): Promise<Node> {
  const [places, countries] = await Promise.all([
    getAll<Place>('/places', withLang(ctx.lang)),
    getAll<Country>('/countries', withLang(ctx.lang)).catch(() => [] as Country[]),
  ]);
  const names = new Map(countries.map((c) => [c.iso3, c.name]));
  const unlocated = places.filter((p) => p.lat === null || p.lon === null);
  return h('div', null,
    await regionMap(places, names, ctx),
    unlocated.length === 0 ? null : h('p', { 'data-testid': 'places-unlocated' },
      `${capitalize(ctx.t('place.locationUnknown'))}: `,
      h('span', { lang: 'en' }, unlocated.map((p) => p.name).join(', '))),
    placesTable(places, ctx, 'places-table'));
}

async function factsContent(ctx: Ctx): Promise<Node> {
  const facts = await getAll<Fact>('/facts', withLang(ctx.lang));
  const groups = groupByTopic(facts);
  return h('div', null,
    h('nav', { class: 'partner-index', 'aria-label': ctx.t('drugs.factsTitle') },
      h('ul', { class: 'inline-list' }, groups.map((group) => h('li', null,
        h('a', { href: `#topic-${group.topic}`, onclick: (event: Event) => {
          event.preventDefault();
          document.getElementById(`topic-${group.topic}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
        } }, `${translateOpen(ctx.t, 'topic', group.topic) ?? group.topic} (${formatInteger(group.facts.length, ctx.lang)})`))))),
    groups.map((group) => h('section', { id: `topic-${group.topic}`, class: 'topic', 'aria-labelledby': `topic-${group.topic}-title`, 'data-testid': 'fact-topic', 'data-topic': group.topic },
      h('h3', { id: `topic-${group.topic}-title` }, translateOpen(ctx.t, 'topic', group.topic) ?? group.topic),
      factsTable(group.facts, ctx, `facts-${group.topic}`))));
}

export function drugsView(ctx: Ctx): HTMLElement {
  return h('div', { class: 'view view-drugs' },
    h('h1', { 'data-testid': 'page-title' }, ctx.t('drugs.title')),
    h('p', { class: 'explain' }, ctx.t('drugs.intro')),
    h('p', { class: 'muted' }, ctx.t('dataInEnglish')),
    section('places', ctx.t('drugs.placesTitle'), deferred(ctx, () => placesContent(ctx), 'places')),
    section('facts', ctx.t('drugs.factsTitle'), deferred(ctx, () => factsContent(ctx), 'facts')));
}
