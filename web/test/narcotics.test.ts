import { describe, expect, it } from 'vitest';
import {
  apiFilterParams,
  bulletinPeriod,
  cellBounds,
  defaultSynthetic,
  hotspotClass,
  isPartialDate,
  isPeriod,
  legChanges,
  splitPeriods,
  KM_PER_DEGREE_LAT,
  legWidth,
  lonStep,
  normalizeNetwork,
  normalizePlan,
  parseSeizureQuery,
  placeLabels,
  plannerParams,
  samplePages,
  seizureQueryText,
  trendSeries,
  yearStarts,
} from '../src/narcotics';
import { parseHash, routeHash } from '../src/router';
import { formatKg, formatP } from '../src/components/narcotics-format';

describe('the seizure filter in the page address', () => {
  it('accepts partial dates that exist and nothing else', () => {
    expect(isPartialDate('2021')).toBe(true);
    expect(isPartialDate('2021-06')).toBe(true);
    expect(isPartialDate('2024-02-29')).toBe(true);
    expect(isPartialDate('2023-02-29')).toBe(false);
    expect(isPartialDate('2021-13')).toBe(false);
    expect(isPartialDate('21')).toBe(false);
    expect(isPartialDate('2021-6')).toBe(false);
  });

  it('round-trips through the hash route and drops bad values', () => {
    const hash = '#/seizures?from=2018&to=2020-06&drug=heroin&synthetic=true&measure=kg';
    const route = parseHash(hash);
    expect(route).toEqual({ name: 'seizures', filter: { from: '2018', to: '2020-06', drug: 'heroin', synthetic: true, measure: 'kg' } });
    expect(routeHash(route)).toBe(hash);
    expect(parseSeizureQuery(new URLSearchParams('from=yesterday&drug=<b>&synthetic=maybe&measure=tons')))
      .toEqual({ from: null, to: null, drug: null, synthetic: null, measure: 'seizures' });
    expect(routeHash(parseHash('#/seizures'))).toBe('#/seizures');
  });

  it('gives the API only the filter parameters', () => {
    const filter = parseSeizureQuery(new URLSearchParams('from=2019&synthetic=false&measure=kg'));
    expect(apiFilterParams(filter)).toEqual({ from: '2019', synthetic: 'false' });
    expect(seizureQueryText(filter)).toBe('from=2019&synthetic=false&measure=kg');
  });

  it('chooses real records when there are any, never both', () => {
    expect(defaultSynthetic(10, 3000)).toBe(false);
    expect(defaultSynthetic(0, 3000)).toBe(true);
    expect(defaultSynthetic(0, 0)).toBeNull();
  });

  it('names the bulletin period from the filter or the years the records span', () => {
    const none = { from: null, to: null, drug: null, synthetic: true, measure: 'seizures' as const };
    expect(bulletinPeriod(none, [2017, 2015, 2024])).toBe('2015..2024');
    expect(bulletinPeriod({ ...none, from: '2019', to: '2020' }, [])).toBe('2019..2020');
    expect(bulletinPeriod({ ...none, from: '2019', to: '2019' }, [])).toBe('2019');
    expect(bulletinPeriod({ ...none, from: '2019-03' }, [2015, 2024])).toBe('2019-03..2024');
    expect(bulletinPeriod(none, [])).toBeNull();
  });
});

describe('comparing two periods of the route network', () => {
  it('accepts a partial date or FROM..TO as a period', () => {
    expect(isPeriod('2019')).toBe(true);
    expect(isPeriod('2015..2019')).toBe(true);
    expect(isPeriod('2019-01..2020-06')).toBe(true);
    expect(isPeriod('2015..')).toBe(false);
    expect(isPeriod('2015..2016..2017')).toBe(false);
  });

  it('offers the two halves of the years the records span', () => {
    expect(splitPeriods([2015, 2024, 2018])).toEqual(['2015..2019', '2020..2024']);
    expect(splitPeriods([2020, 2021])).toEqual(['2020', '2021']);
    expect(splitPeriods([2020])).toBeNull();
  });

  it('reads the changes of leg shares, unknown values as null', () => {
    expect(legChanges({ changes: [{ from: 'place:Osh', to: 'place:Bishkek', first_share: 0.5, second_share: 0.25, change: -0.25, first_seizures: 10 }] }))
      .toEqual([{ from: 'place:Osh', to: 'place:Bishkek', firstShare: 0.5, secondShare: 0.25, change: -0.25, firstSeizures: 10, secondSeizures: null }]);
  });
});

describe('sampling the seizure list for the map', () => {
  it('fetches every page of a short list', () => {
    expect(samplePages(0, 500, 4)).toEqual([]);
    expect(samplePages(1, 500, 4)).toEqual([1]);
    expect(samplePages(2000, 500, 4)).toEqual([1, 2, 3, 4]);
  });

  it('spreads a fixed number of pages from the first to the last of a long list', () => {
    expect(samplePages(3000, 500, 4)).toEqual([1, 3, 4, 6]);
    expect(samplePages(10_000_000, 500, 4)).toEqual([1, 6667, 13334, 20000]);
    expect(samplePages(10_000_000, 500, 1)).toEqual([1]);
  });
});

describe('hotspot cells', () => {
  const cell = (lat: number, lon: number) => ({ lat, lon, z: 3, p: 0.001, seizures: 1, kg: 1 });

  it('read the grid step in longitude from neighbours in a row', () => {
    const step = 0.131;
    const cells = [cell(42.89, 74.5), cell(42.89, 74.5 + step), cell(42.89, 74.5 + 3 * step), cell(42.98, 74.5)];
    expect(lonStep(cells, 10)).toBeCloseTo(step, 9);
    expect(lonStep([cell(42.89, 74.5)], 10)).toBeNull();
  });

  it('are squares of the cell side in latitude and of the grid step in longitude', () => {
    const bounds = cellBounds(cell(42, 74), 10, 0.2);
    expect(bounds.north - bounds.south).toBeCloseTo(10 / KM_PER_DEGREE_LAT, 9);
    expect(bounds.east - bounds.west).toBeCloseTo(0.2, 9);
    const local = cellBounds(cell(60, 30), 10, null);
    expect(local.east - local.west).toBeCloseTo(20 / KM_PER_DEGREE_LAT, 6);
  });

  it('are classed by the sign of z and the p-value; insignificant or unknown ones are not drawn', () => {
    expect(hotspotClass(68.5, 0)).toBe('hot99');
    expect(hotspotClass(2.1, 0.035)).toBe('hot95');
    expect(hotspotClass(1.7, 0.09)).toBe('hot90');
    expect(hotspotClass(-2.7, 0.007)).toBe('cold99');
    expect(hotspotClass(1.2, 0.23)).toBe('none');
    expect(hotspotClass(null, 0.01)).toBe('none');
  });

  it('show p-values and kilograms readably, unknown never as zero', () => {
    expect(formatP(0, 'en')).toBe('<\u00a00.001');
    expect(formatP(0.0347, 'ru')).toBe('0,035');
    expect(formatP(null, 'ky')).toBe('белгисиз');
    expect(formatKg(62915.8, 'en')).toBe('62,916\u00a0kg');
    expect(formatKg(0.004, 'ru')).toBe('0,004\u00a0кг');
    expect(formatKg(null, 'en')).toBe('unknown');
  });
});

describe('trend series', () => {
  const month = (group: string, m: string, count: number, kg: number, anomaly = false) =>
    ({ group, month: m, count, kg, count_anomaly: anomaly, kg_anomaly: false });

  it('group the months by drug, in calendar order, busiest drug first, with their anomalies', () => {
    const series = trendSeries([
      month('opium', '2015-02', 1, 4),
      month('heroin', '2015-02', 5, 2, true),
      month('heroin', '2015-01', 3, 1),
      month('opium', '2015-01', 0, 0),
    ], 'seizures');
    expect(series.map((s) => s.group)).toEqual(['heroin', 'opium']);
    expect(series[0]!.points.map((p) => p.month)).toEqual(['2015-01', '2015-02']);
    expect(series[0]!.totalCount).toBe(8);
    expect(series[0]!.anomalies).toBe(1);
    expect(trendSeries([month('opium', '2015-01', 1, 40), month('heroin', '2015-01', 5, 2)], 'kg')[0]!.group).toBe('opium');
  });

  it('label the first month of every year', () => {
    expect(yearStarts(['2015-11', '2015-12', '2016-01', '2016-02', '2017-01'])).toEqual([
      { index: 0, year: '2015' }, { index: 2, year: '2016' }, { index: 4, year: '2017' },
    ]);
  });
});

describe('the route network', () => {
  it('reads nodes by id with legs naming node ids', () => {
    const network = normalizeNetwork({
      nodes: [
        { id: 'place:Osh', kind: 'place', name: 'Osh', lat: 40.53, lon: 72.8, seizures: 2386, kg: 12077.2, seizure_share: 0.795, betweenness: 24 },
        { id: 'place:Bishkek', kind: 'place', name: 'Bishkek', lat: 42.87, lon: 74.61, seizures: 3000, kg: 70422, seizure_share: 1, betweenness: 24 },
        { id: 'country:TJK', kind: 'country', name: 'TJK', lat: null, lon: null, seizures: 4, kg: 1, seizure_share: 0.001, betweenness: 0 },
      ],
      legs: [{ from: 'place:Osh', to: 'place:Bishkek', seizures: 1075, cases: 700, kg: 4570.7, without_kg: 0, seizure_share: 0.358 }],
      chokepoints: ['place:Bishkek', 'place:Osh'],
      rows_matched: 3000, rows_routed: 3000, rows_without_route: 0,
    });
    expect(network.nodes).toHaveLength(3);
    expect(network.nodes[2]).toMatchObject({ id: 'country:TJK', kind: 'country', lat: null, lon: null });
    expect(network.legs[0]).toMatchObject({ from: 'place:Osh', to: 'place:Bishkek', seizures: 1075, cases: 700 });
    expect(network.chokepoints).toEqual(['place:Bishkek', 'place:Osh']);
    expect(network.rowsRouted).toBe(3000);
  });

  it('reads legs by node index, chokepoint objects, and adds named ends without inventing a position', () => {
    const network = normalizeNetwork({
      nodes: [{ id: 'place:Osh', name: 'Osh', lat: 40.5, lon: 72.8 }],
      edges: [{ from: 0, to: 'Sary-Tash', seizures: 3, kg: null }],
      chokepoints: [{ node: 'Osh', kind: 'place', betweenness: 24, lat: 40.5, lon: 72.8 }],
    });
    expect(network.nodes.map((n) => n.name)).toEqual(['Osh', 'Sary-Tash']);
    expect(network.nodes[1]).toMatchObject({ lat: null, lon: null, seizures: null });
    expect(network.nodes[0]!.betweenness).toBe(24);
    expect(network.legs[0]).toMatchObject({ from: 'place:Osh', to: 'Sary-Tash', kg: null });
    expect(network.chokepoints).toEqual(['place:Osh']);
  });

  it('draws legs area-true between a minimum and a maximum width', () => {
    expect(legWidth(100, 100)).toBe(14);
    expect(legWidth(25, 100)).toBeCloseTo(1.5 + 12.5 * 0.5, 9);
    expect(legWidth(null, 100)).toBe(1.5);
    expect(legWidth(5, 0)).toBe(1.5);
  });
});

describe('the interdiction planner', () => {
  it('sends the budget, measure, default cost and per-node costs as one parameter', () => {
    const request = plannerParams({
      budget: ' 2,5 ', measure: 'kg', defaultCost: '1',
      nodeCosts: new Map([['Osh', '3'], ['Bishkek', 'none'], ['Almaty', '']]),
    });
    expect(request.problems).toEqual([]);
    expect(request.params).toEqual({ measure: 'kg', budget: '2.5', default_cost: '1', node_cost: 'Osh=3;Bishkek=none' });
    expect(plannerParams({ budget: '', measure: 'seizures', defaultCost: '', nodeCosts: new Map() }).params).toEqual({ measure: 'seizures' });
  });

  it('names chosen origins and destinations, or leaves them to the server', () => {
    const request = plannerParams({
      budget: '', measure: 'seizures', defaultCost: '1', nodeCosts: new Map(),
      origins: ['Khorog', 'Batken'], destinations: ['Moscow'],
    });
    expect(request.params).toMatchObject({ origin: 'Khorog;Batken', destination: 'Moscow' });
    expect(plannerParams({ budget: '', measure: 'seizures', defaultCost: '1', nodeCosts: new Map(), origins: [] }).params.origin).toBeUndefined();
  });

  it('refuses costs that are not numbers', () => {
    const request = plannerParams({ budget: 'lots', measure: 'seizures', defaultCost: '-1', nodeCosts: new Map([['Osh', 'x']]) });
    expect(request.problems.map((p) => p.field)).toEqual(['budget', 'default_cost', 'Osh']);
  });

  it('reads the plan as the API sends it: checkpoints naming their node as an object under "from"', () => {
    const plan = normalizePlan({
      method: 'exhaustive', measure: 'seizures', budget: 1, cost: 1, minimum_cut_cost: 2, flow_total: 3000,
      flow_intercepted: 2386, share_intercepted: 0.795, routes_total: 3, routes_intercepted: 2,
      checkpoints: [
        { kind: 'node', from: { id: 'place:Osh', name: 'Osh', lat: 40.5, lon: 72.8 }, to: null, cost: 1, intercepted: 2386, share: 0.795 },
        { kind: 'leg', from: { id: 'place:Osh', name: 'Osh' }, to: { id: 'place:Bishkek', name: 'Bishkek' }, cost: 2, intercepted: 10, share: 0.003 },
      ],
    });
    expect(plan.checkpoints.map((c) => [c.node, c.to])).toEqual([['place:Osh', null], ['place:Osh', 'place:Bishkek']]);
    expect(plan).toMatchObject({ method: 'exhaustive', minimumCutCost: 2, routesIntercepted: 2 });
  });

  it('reads the plan at the top level or under "plan", checkpoints by node or "at"', () => {
    const top = normalizePlan({
      method: 'minimum cut', cost: 1, budget: null, minimum_cut_cost: 1, flow_total: 3000, flow_intercepted: 3000,
      share_intercepted: 1, routes_total: 3, routes_intercepted: 3,
      checkpoints: [{ node: 'place:Bishkek', kind: 'node', cost: 1, intercepted: 3000, share: 1 }],
    });
    expect(top).toMatchObject({ method: 'minimum cut', share: 1, minimumCutCost: 1, budget: null });
    expect(top.checkpoints).toEqual([{ node: 'place:Bishkek', to: null, cost: 1, intercepted: 3000, share: 1 }]);
    const nested = normalizePlan({ plan: { method: 'greedy', minimum_cut_cost: null, share_intercepted: 0.4 }, checkpoints: [{ at: 'Osh', cost: 2 }] });
    expect(nested).toMatchObject({ method: 'greedy', minimumCutCost: null, share: 0.4 });
    expect(nested.checkpoints[0]).toMatchObject({ node: 'Osh', cost: 2, intercepted: null });
  });
});

describe('map labels', () => {
  it('go to the right of their point when there is room', () => {
    expect(placeLabels([{ x: 100, y: 100, text: 'Osh' }], 960, 600)).toEqual([{ x: 109, y: 104, anchor: 'start' }]);
  });

  it('move aside for a label already placed and stay inside the map', () => {
    const [first, second] = placeLabels([
      { x: 500, y: 100, text: 'Bishkek' },
      { x: 470, y: 100, text: 'Kara-Balta' },
    ], 960, 600);
    expect(first).toEqual({ x: 509, y: 104, anchor: 'start' });
    expect(second!.anchor).toBe('end');
    expect(placeLabels([{ x: 955, y: 300, text: 'Almaty' }], 960, 600)[0]!.anchor).toBe('end');
  });
});
