import { describe, expect, it } from 'vitest';
import {
  COMMUNITY_OTHER,
  applyMerge,
  applyUnmerge,
  mergesSeen,
  COMMUNITY_PALETTE,
  NODE_SIZE,
  OTHER_TYPE_COLOUR,
  centralitySizes,
  chartSvg,
  communityColours,
  dateRange,
  dayOf,
  dayText,
  emptyChart,
  fetchPagesAgain,
  hiddenLinks,
  linkValidOn,
  mergeExpand,
  mergeGraph,
  nextExpandPage,
  pathHighlight,
  pickForPath,
  recordExpansion,
  runJobToValues,
  typeColour,
  type ExpandAnswer,
  type GraphLink,
  type ChartSelection,
  type GraphNode,
  type Job,
  type JobRequests,
} from '../src/links';
import { parseHash, routeHash } from '../src/router';

const node = (id: string, extra: Partial<GraphNode> = {}): GraphNode => ({ id, name: id.toUpperCase(), type: 'person', synthetic: false, ...extra });
const link = (id: string, from: string, to: string, start: string | null = null, end: string | null = null): GraphLink =>
  ({ id, type: 'call', from, to, start, end });
const day = (text: string): number => dayOf(text) as number;

describe('dates of links', () => {
  it('read full and partial dates, first or last day', () => {
    expect(dayText(day('2021-03-05'))).toBe('2021-03-05');
    expect(dayText(day('2021-03'))).toBe('2021-03-01');
    expect(dayText(dayOf('2021-02', true) as number)).toBe('2021-02-28');
    expect(dayText(dayOf('2020-02', true) as number)).toBe('2020-02-29');
    expect(dayText(day('2021'))).toBe('2021-01-01');
    expect(dayText(dayOf('2021', true) as number)).toBe('2021-12-31');
    expect(dayOf(null)).toBeNull();
    expect(dayOf('')).toBeNull();
    expect(dayOf('March 2021')).toBeNull();
    expect(dayOf('2021-13')).toBeNull();
  });

  it('a link is valid from its start to its end, both days included; an open end is unknown, so valid', () => {
    const bounded = link('l', 'a', 'b', '2019-01-01', '2020-12-31');
    expect(linkValidOn(bounded, day('2018-12-31'))).toBe(false);
    expect(linkValidOn(bounded, day('2019-01-01'))).toBe(true);
    expect(linkValidOn(bounded, day('2020-12-31'))).toBe(true);
    expect(linkValidOn(bounded, day('2021-01-01'))).toBe(false);
    // An end given as a year holds to that year's last day, as the server reads it.
    expect(linkValidOn(link('y', 'a', 'b', '2019', '2020'), day('2020-12-31'))).toBe(true);
    expect(linkValidOn(link('s', 'a', 'b', '2022-06-01', null), day('2030-01-01'))).toBe(true);
    expect(linkValidOn(link('s', 'a', 'b', '2022-06-01', null), day('2022-05-31'))).toBe(false);
    expect(linkValidOn(link('e', 'a', 'b', null, '2020-01-01'), day('1990-01-01'))).toBe(true);
    expect(linkValidOn(link('n', 'a', 'b'), day('1900-01-01'))).toBe(true);
  });

  it('the slider spans the links\' dates and hides the links not valid on its day', () => {
    const links = [
      link('call1', 'a', 'b', '2021-03-05', '2021-03-05'),
      link('call2', 'b', 'c', '2023-08-10', '2023-08-10'),
      link('dir', 'c', 'd', '2019', '2020'),
      link('family', 'd', 'e'),
    ];
    expect(dateRange(links)).toEqual({ min: day('2019-01-01'), max: day('2023-08-10') });
    expect(dateRange([link('x', 'a', 'b')])).toBeNull();
    expect(hiddenLinks(links, null)).toEqual(new Set());
    expect(hiddenLinks(links, day('2021-03-05'))).toEqual(new Set(['call2', 'dir']));
    expect(hiddenLinks(links, day('2020-06-01'))).toEqual(new Set(['call1', 'call2']));
  });
});

describe('the chart\'s contents', () => {
  it('merge nodes once and links only between nodes on the chart', () => {
    const chart = emptyChart();
    expect(mergeGraph(chart, [node('a')], [link('l1', 'a', 'b')])).toEqual({ nodes: ['a'], links: [] });
    expect(mergeGraph(chart, [node('a', { name: null }), node('b', { hops: 1 })], [link('l1', 'a', 'b')])).toEqual({ nodes: ['b'], links: ['l1'] });
    expect(chart.nodes.get('a')?.name).toBe('A');
    expect(chart.nodes.get('b')).not.toHaveProperty('hops');
    expect(mergeGraph(chart, [], [link('l1', 'a', 'b')])).toEqual({ nodes: [], links: [] });
  });

  it('a capped expansion keeps "and M more", and the next click raises the cap or pages on', () => {
    const chart = emptyChart();
    const first: ExpandAnswer = {
      nodes: [node('hub', { hops: 0 }), node('c1', { hops: 1 })],
      links: [link('l1', 'hub', 'c1')],
      hidden: [{ id: 'hub', more: 10 }],
      next_offset: null,
    };
    mergeExpand(chart, 'hub', first, 20);
    expect(chart.more.get('hub')).toEqual({ more: 10, cap: 20, nextOffset: null });
    expect(nextExpandPage(chart.more.get('hub')!, 20)).toEqual({ cap: 40, offset: 0 });
    mergeExpand(chart, 'hub', { ...first, hidden: [], next_offset: 200 }, 40);
    expect(nextExpandPage(chart.more.get('hub')!, 20)).toEqual({ cap: 40, offset: 200 });
    mergeExpand(chart, 'hub', { ...first, hidden: [], next_offset: null }, 40);
    expect(chart.more.has('hub')).toBe(false);
  });

  it('remembers the furthest page fetched with the cap in force; a raised cap starts again', () => {
    let as = recordExpansion(undefined, 20, 0);
    expect(as).toEqual({ cap: 20, upTo: 0 });
    as = recordExpansion(as, 20, 200);
    as = recordExpansion(as, 20, 400);
    as = recordExpansion(as, 20, 0);  // the first page fetched again (after an unmerge)
    expect(as).toEqual({ cap: 20, upTo: 400 });
    expect(recordExpansion(as, 40, 0)).toEqual({ cap: 40, upTo: 0 });
  });

  it('fetches the pages again from the first to the furthest reached, as far as the answers go', async () => {
    const pages = async (upTo: number, next: (offset: number) => number | null): Promise<number[]> => {
      const asked: number[] = [];
      await fetchPagesAgain(upTo, async (offset) => {
        asked.push(offset);
        return next(offset);
      });
      return asked;
    };
    const fourPages = (offset: number): number | null => (offset < 600 ? offset + 200 : null);
    expect(await pages(400, fourPages)).toEqual([0, 200, 400]);
    expect(await pages(0, fourPages)).toEqual([0]);
    // The graph has fewer nodes now (an unmerge split a hub): the pages end sooner.
    expect(await pages(600, (offset) => (offset < 200 ? offset + 200 : null))).toEqual([0, 200]);
    // A failed page (null) or an answer that does not move on ends it.
    expect(await pages(600, () => null)).toEqual([0]);
    expect(await pages(600, (offset) => (offset === 0 ? 200 : 200))).toEqual([0, 200]);
  });
});

describe('the path', () => {
  it('is picked by two clicks, a third replaces the older pick, a click on a pick drops it', () => {
    let picked: string[] = [];
    picked = pickForPath(picked, 'a');
    expect(picked).toEqual(['a']);
    picked = pickForPath(picked, 'b');
    expect(picked).toEqual(['a', 'b']);
    picked = pickForPath(picked, 'c');
    expect(picked).toEqual(['b', 'c']);
    picked = pickForPath(picked, 'b');
    expect(picked).toEqual(['c']);
  });

  it('lights every node and link of every shortest path returned', () => {
    const highlight = pathHighlight('a', 'd', {
      paths: [{ nodes: ['a', 'b', 'd'], links: ['l1', 'l3'] }, { nodes: ['a', 'c', 'd'], links: ['l2', 'l4'] }],
      nodes: [],
      links: [],
      total: 3,
    });
    expect(highlight.total).toBe(3);
    expect(highlight.nodes).toEqual(new Set(['a', 'b', 'c', 'd']));
    expect(highlight.links).toEqual(new Set(['l1', 'l2', 'l3', 'l4']));
    expect(highlight.count).toBe(2);
    expect(highlight.length).toBe(2);
    const none = pathHighlight('a', 'z', { paths: [], nodes: [], links: [] });
    expect(none.count).toBe(0);
    expect(none.total).toBeNull();
    expect(none.length).toBeNull();
    expect(none.nodes.size).toBe(0);
  });
});

describe('colours and sizes', () => {
  it('give each entity type its colour and unknown types one grey', () => {
    expect(typeColour('person')).not.toBe(typeColour('phone'));
    expect(typeColour('spaceship')).toBe(OTHER_TYPE_COLOUR);
    expect(typeColour(null)).toBe(OTHER_TYPE_COLOUR);
  });

  it('colour communities by size, the largest first, the same colour for one community', () => {
    const colours = communityColours({ a: 7, b: 7, c: 7, d: 3, e: 3, f: 9 });
    expect(colours.get('a')).toBe(COMMUNITY_PALETTE[0]);
    expect(colours.get('c')).toBe(colours.get('a'));
    expect(colours.get('d')).toBe(COMMUNITY_PALETTE[1]);
    expect(colours.get('f')).toBe(COMMUNITY_PALETTE[2]);
    expect(colours.has('g')).toBe(false);
    const many: Record<string, number> = {};
    for (let i = 0; i < COMMUNITY_PALETTE.length + 3; i += 1) many[`n${i}`] = i;
    expect(communityColours(many).get(`n${COMMUNITY_PALETTE.length + 2}`)).toBe(COMMUNITY_OTHER);
  });

  it('size nodes by the square root of their share of the largest centrality', () => {
    const sizes = centralitySizes({ a: 0.4, b: 0.1, c: 0, d: Number.NaN });
    expect(sizes.get('a')).toBe(NODE_SIZE.max);
    expect(sizes.get('b')).toBe(Math.round(NODE_SIZE.min + 0.5 * (NODE_SIZE.max - NODE_SIZE.min)));
    expect(sizes.get('c')).toBe(NODE_SIZE.min);
    expect(sizes.has('d')).toBe(false);
    expect(centralitySizes({ a: 0 }).get('a')).toBe(NODE_SIZE.min);
  });
});

describe('the SVG export', () => {
  it('draws each node and link, escapes labels and carries the synthetic note', () => {
    const svg = chartSvg(
      [
        { id: 'a', label: 'Asan <A&B>', x: 0, y: 0, size: 20, colour: '#123456', highlighted: true, synthetic: true },
        { id: 'b', label: 'Бакыт', x: 100, y: 50, size: 30, colour: '#654321', highlighted: false, synthetic: false },
      ],
      [{ id: 'l1', from: 'a', to: 'b', label: 'Call', highlighted: true }, { id: 'l2', from: 'a', to: 'gone', label: 'x', highlighted: false }],
      'SYNTHETIC',
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<circle /g)?.length).toBe(2);
    expect(svg.match(/<line /g)?.length).toBe(1);
    expect(svg).toContain('Asan &lt;A&amp;B&gt;');
    expect(svg).toContain('Бакыт');
    expect(svg).toContain('>SYNTHETIC</text>');
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });
});

describe('the route', () => {
  it('#/links keeps its seeds', () => {
    expect(parseHash('#/links')).toEqual({ name: 'links', seeds: [] });
    expect(parseHash('#/links?seed=p1&seed=phone%3A%2B996')).toEqual({ name: 'links', seeds: ['p1', 'phone:+996'] });
    expect(routeHash({ name: 'links', seeds: ['p1'] })).toBe('#/links?seed=p1');
    expect(parseHash('#/links/x').name).toBe('notFound');
  });
});

// A small stand-in for the jobs routes: the job runs for `steps` polls, then ends in `end`.
function mockJobs(steps: number, end: Job['state'], values: Record<string, number>) {
  const calls: string[] = [];
  let polls = 0;
  const requests: JobRequests = {
    start: async (kind) => {
      calls.push(`POST ${kind}`);
      return { id: 'j1', kind, state: 'queued', progress: 0 };
    },
    get: async (id) => {
      polls += 1;
      calls.push(`GET ${id}`);
      return polls > steps
        ? { id, kind: 'pagerank', state: end, progress: end === 'interrupted' ? 0.5 : 1, error: end === 'failed' ? 'out of memory' : end === 'interrupted' ? 'the server stopped before the job finished; start it again' : null }
        : { id, kind: 'pagerank', state: 'running', progress: polls / (steps + 1) };
    },
    values: async (id, ids) => {
      calls.push(`VALUES ${id} ${ids.join(',')}`);
      return { values: Object.fromEntries(ids.filter((i) => i in values).map((i) => [i, values[i] as number])) };
    },
    wait: async () => {},
  };
  return { requests, calls };
}

describe('a job', () => {
  it('reports its progress until done, then fetches the values of the chart\'s nodes in chunks', async () => {
    const { requests, calls } = mockJobs(2, 'done', { a: 0.5, b: 0.25, c: 0.25 });
    const states: Array<[string, number | null | undefined]> = [];
    const result = await runJobToValues(requests, 'pagerank', () => ['a', 'b', 'c', 'gone'], (job) => states.push([job.state, job.progress]), () => true, 3);
    expect(states.map(([s]) => s)).toEqual(['queued', 'running', 'running', 'done']);
    expect(states.map(([, p]) => p)).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(calls).toEqual(['POST pagerank', 'GET j1', 'GET j1', 'GET j1', 'VALUES j1 a,b,c', 'VALUES j1 gone']);
    // An entity the job has no value for is left out, so it shows as unknown.
    expect(result?.values).toEqual({ a: 0.5, b: 0.25, c: 0.25 });
  });

  it('that fails or is cancelled gives no values', async () => {
    const failed = await runJobToValues(mockJobs(1, 'failed', {}).requests, 'communities', () => ['a'], () => {});
    expect(failed?.job.error).toBe('out of memory');
    expect(failed?.values).toBeNull();
    const cancelled = await runJobToValues(mockJobs(0, 'cancelled', {}).requests, 'communities', () => ['a'], () => {});
    expect(cancelled?.job.state).toBe('cancelled');
    expect(cancelled?.values).toBeNull();
  });

  it('that a server stop interrupted ends the polling with its reason and no values', async () => {
    const { requests, calls } = mockJobs(1, 'interrupted', {});
    const interrupted = await runJobToValues(requests, 'pagerank', () => ['a'], () => {});
    expect(interrupted?.job.state).toBe('interrupted');
    expect(interrupted?.job.error).toContain('server stopped');
    expect(interrupted?.values).toBeNull();
    expect(calls).toEqual(['POST pagerank', 'GET j1', 'GET j1']);
  });

  it('stops polling when the screen is gone', async () => {
    const { requests, calls } = mockJobs(5, 'done', {});
    expect(await runJobToValues(requests, 'pagerank', () => [], () => {}, () => false)).toBeNull();
    expect(calls).toEqual(['POST pagerank']);
  });
});

describe('merges and unmerges on the chart', () => {
  // p1 and p2 are one man: p1 owns o1, p2 knows p3, p1 and p2 call each other; x is elsewhere.
  const drawn = (): ReturnType<typeof emptyChart> => {
    const chart = emptyChart();
    mergeGraph(chart, ['p1', 'p2', 'o1', 'p3', 'x'].map((id) => node(id)),
      [link('own', 'p1', 'o1'), link('knows', 'p2', 'p3'), link('call', 'p1', 'p2'), link('far', 'p3', 'x')]);
    chart.more.set('p2', { more: 3, cap: 20, nextOffset: null });
    return chart;
  };
  const selection = (extra: Partial<ChartSelection> = {}): ChartSelection =>
    ({ expanded: new Set(['p2']), picked: ['p2', 'x'], path: null, selected: 'p2', ...extra });

  it('a merge replaces the merged-away node by the kept one and attaches its links', () => {
    const chart = drawn();
    const state = selection();
    const result = applyMerge(chart, state, node('p1'), ['p2']);

    expect(result).toEqual({ removed: ['p2'], keptAdded: false, relinked: ['knows', 'call'], reexpand: true });
    expect([...chart.nodes.keys()].sort()).toEqual(['o1', 'p1', 'p3', 'x']);
    expect(chart.links.get('knows')).toMatchObject({ from: 'p1', to: 'p3' });
    expect(chart.links.get('call')).toMatchObject({ from: 'p1', to: 'p1' });  // inside the group
    expect(chart.links.get('own')).toMatchObject({ from: 'p1', to: 'o1' });
    expect(chart.more.has('p2')).toBe(false);
    expect([...state.expanded]).toEqual([]);
    expect(state.picked).toEqual(['p1', 'x']);
    expect(state.selected).toBe('p1');
  });

  it('the kept entity takes the place of the merged-away one when it was not drawn', () => {
    const chart = drawn();
    chart.nodes.delete('p1');
    chart.links.delete('own');
    chart.links.delete('call');
    const result = applyMerge(chart, selection({ expanded: new Set() }), node('p1', { name: 'Kept', merged_ids: ['p2'] }), ['p2']);

    expect(result.keptAdded).toBe(true);
    expect(result.reexpand).toBe(false);
    expect(chart.nodes.get('p1')).toEqual({ id: 'p1', name: 'Kept', type: 'person', synthetic: false });
    expect(chart.nodes.has('p2')).toBe(false);
    expect(chart.links.get('knows')).toMatchObject({ from: 'p1', to: 'p3' });
  });

  it('a merge of entities not drawn changes nothing', () => {
    const chart = drawn();
    const before = JSON.stringify([...chart.links]);
    expect(applyMerge(chart, selection(), node('p3'), ['q9'])).toEqual({ removed: [], keptAdded: false, relinked: [], reexpand: false });
    expect(JSON.stringify([...chart.links])).toBe(before);
    expect(chart.nodes.size).toBe(5);
  });

  it('a path stays lit with its nodes renamed, unless it went through both', () => {
    const through = { from: 'p2', to: 'x', nodes: new Set(['p2', 'p3', 'x']), links: new Set(['knows', 'far']), count: 1, total: 1, length: 2 };
    const state = selection({ path: through });
    applyMerge(drawn(), state, node('p1'), ['p2']);
    expect(state.path).toMatchObject({ from: 'p1', to: 'x', nodes: new Set(['p1', 'p3', 'x']), links: new Set(['knows', 'far']) });

    const both = { from: 'o1', to: 'p3', nodes: new Set(['o1', 'p1', 'p2', 'p3']), links: new Set(['own', 'call', 'knows']), count: 1, total: 1, length: 3 };
    const broken = selection({ path: both });
    applyMerge(drawn(), broken, node('p1'), ['p2']);
    expect(broken.path).toBeNull();
  });

  it('an answer reveals merges of drawn nodes by its merged_ids', () => {
    const chart = drawn();
    expect(mergesSeen(chart, [node('p1', { merged_ids: ['p2', 'gone'] }), node('o1', { merged_ids: [] }), node('p3')]))
      .toEqual([{ kept: node('p1', { merged_ids: ['p2', 'gone'] }), merged: ['p2'] }]);
    // merged_ids are not kept on the chart: they would be stale after an unmerge.
    mergeGraph(chart, [node('new', { merged_ids: ['a'] })], []);
    expect(chart.nodes.get('new')).not.toHaveProperty('merged_ids');
  });

  it('an unmerge takes off the kept node\'s links and asks for what the chart shows again', () => {
    const chart = drawn();
    const state = selection({ expanded: new Set(['p2']) });
    applyMerge(chart, state, node('p1'), ['p2']);
    state.expanded.add('p1');  // the group's neighbourhood expanded again
    state.expanded.add('x');
    state.path = { from: 'o1', to: 'p3', nodes: new Set(['o1', 'p1', 'p3']), links: new Set(['own', 'knows']), count: 1, total: 1, length: 2 };

    const result = applyUnmerge(chart, state, 'p1', ['p2']);

    expect(result.dropped.sort()).toEqual(['call', 'knows', 'own']);
    expect([...chart.links.keys()]).toEqual(['far']);
    expect(result.seeds.sort()).toEqual(['p1', 'x']);
    expect(result.restored).toEqual(['p2']);
    expect(result.repath).toEqual({ from: 'o1', to: 'p3' });
    expect(state.path).toBeNull();
    expect([...chart.nodes.keys()].sort()).toEqual(['o1', 'p1', 'p3', 'x']);

    const untouched = drawn();
    const quiet = selection({ expanded: new Set(['x']) });
    const none = applyUnmerge(untouched, quiet, 'q1', ['q2']);
    expect(none).toEqual({ dropped: [], seeds: ['x'], restored: [], repath: null });
    expect(untouched.links.size).toBe(4);
  });
});
