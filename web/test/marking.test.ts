import { describe, expect, it } from 'vitest';
import { chartMarking, chartSvg, emptyChart, hiddenLinks, mergeGraph, type GraphLink, type GraphNode } from '../src/links';
import { MARKINGS, highestMarking, isMarking, markingKey } from '../src/marking';
import { en, ky, ru } from '../src/messages';

const node = (id: string, marking?: string): GraphNode => ({ id, name: id, type: 'person', synthetic: false, ...(marking ? { marking } : {}) });
const link = (id: string, from: string, to: string, marking: string, start: string | null = null, end: string | null = null): GraphLink =>
  ({ id, type: 'call', from, to, start, end, marking });

describe('markings', () => {
  it('orders the four names and takes the highest', () => {
    expect(highestMarking([])).toBe('unmarked');
    expect(highestMarking(['unmarked', undefined, null])).toBe('unmarked');
    expect(highestMarking(['secret', 'official-use'])).toBe('secret');
    expect(highestMarking(['official-use', 'top-secret', 'secret'])).toBe('top-secret');
    // A name this client does not know is never read as lower than it might be.
    expect(highestMarking(['unmarked', 'cosmic'])).toBe('top-secret');
    expect(isMarking('secret')).toBe(true);
    expect(isMarking('Secret')).toBe(false);
  });

  it('has a label in every language', () => {
    for (const marking of MARKINGS) {
      for (const catalog of [en, ru, ky]) expect(catalog[markingKey(marking)]).toBeTruthy();
    }
    expect(ru['marking.secret']).toBe('секретно');
    expect(ky['marking.top-secret']).toBe('өтө жашыруун');
  });
});

describe('the chart marking', () => {
  it('is the highest of the drawn nodes and of the links the time slider does not hide', () => {
    const chart = emptyChart();
    expect(chartMarking(chart)).toBe('unmarked');
    mergeGraph(chart, [node('a', 'unmarked'), node('b', 'official-use')], []);
    expect(chartMarking(chart)).toBe('official-use');
    mergeGraph(chart, [], [link('l1', 'a', 'b', 'secret', '2020', '2020')]);
    expect(chartMarking(chart)).toBe('secret');
    // On a day the secret link is not valid it is not drawn, so it does not count.
    const day = Date.UTC(2022, 0, 1) / 86_400_000;
    expect(chartMarking(chart, hiddenLinks(chart.links.values(), day))).toBe('official-use');
    chart.links.delete('l1');
    chart.nodes.delete('b');
    expect(chartMarking(chart)).toBe('unmarked');
  });

  it('keeps the higher marking when two answers disagree about a node', () => {
    const chart = emptyChart();
    mergeGraph(chart, [node('a')], []);
    mergeGraph(chart, [node('a', 'secret')], []);
    expect(chart.nodes.get('a')?.marking).toBe('secret');
    mergeGraph(chart, [node('a', 'unmarked')], []);
    expect(chart.nodes.get('a')?.marking).toBe('secret');
  });

  it('is written across the top and the bottom of the SVG export', () => {
    const svg = chartSvg(
      [{ id: 'a', label: 'A', x: 0, y: 0, size: 20, colour: '#123456', highlighted: false, synthetic: false }],
      [],
      null,
      { marking: 'secret', text: 'Marking: SECRET' },
    );
    const banners = [...svg.matchAll(/<g class="marking-banner" data-marking="secret" data-position="(top|bottom)">/g)].map((m) => m[1]);
    expect(banners).toEqual(['top', 'bottom']);
    expect(svg.match(/>Marking: SECRET<\/text>/g)?.length).toBe(2);
    expect(chartSvg([], [], null)).not.toContain('marking-banner');
  });
});
