// Arranges trade figures for display: one row per year and flow, one column per reporter, so that
// figures from different reporters for the same year stand side by side. Nothing is added up: a
// cell holds every figure its reporter gives for that year and flow (a full year and a part-year
// figure, say), each with its own period and bound.
import { isFullYear } from './format';
import type { Flow, TradeFlow } from './types';

export const FLOW_ORDER: readonly Flow[] = ['total', 'export', 'import'];

export interface TradeRow {
  year: number;
  flow: Flow;
  // Aligned with TradeTable.reporters; an empty list where that reporter gives no figure.
  cells: TradeFlow[][];
  // More than one reporter has a figure in this row: the sources disagree or measure differently.
  reportersDiffer: boolean;
}

export interface TradeTable {
  // null stands for figures whose reporter the source does not name.
  reporters: Array<string | null>;
  rows: TradeRow[];
}

function flowRank(flow: Flow): number {
  const index = FLOW_ORDER.indexOf(flow);
  return index < 0 ? FLOW_ORDER.length : index;
}

// Reporters with the most figures come first; ties by name; the unnamed reporter last.
function orderReporters(flows: readonly TradeFlow[]): Array<string | null> {
  const counts = new Map<string | null, number>();
  for (const flow of flows) counts.set(flow.reporter, (counts.get(flow.reporter) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => {
    if (a === null) return b === null ? 0 : 1;
    if (b === null) return -1;
    const byCount = (counts.get(b) ?? 0) - (counts.get(a) ?? 0);
    return byCount !== 0 ? byCount : a.localeCompare(b);
  });
}

// Full-year figures before part-year ones inside a cell, then by period text.
function cellOrder(a: TradeFlow, b: TradeFlow): number {
  const fullA = isFullYear(a.period) ? 0 : 1;
  const fullB = isFullYear(b.period) ? 0 : 1;
  if (fullA !== fullB) return fullA - fullB;
  return (a.period ?? '').localeCompare(b.period ?? '');
}

export function groupTrade(flows: readonly TradeFlow[]): TradeTable {
  const reporters = orderReporters(flows);
  const column = new Map(reporters.map((reporter, index) => [reporter, index]));
  const rows = new Map<string, TradeRow>();
  for (const flow of flows) {
    const key = `${flow.year}|${flow.flow}`;
    let row = rows.get(key);
    if (!row) {
      row = { year: flow.year, flow: flow.flow, cells: reporters.map(() => []), reportersDiffer: false };
      rows.set(key, row);
    }
    row.cells[column.get(flow.reporter) ?? 0]?.push(flow);
  }
  const sorted = [...rows.values()].sort((a, b) => a.year - b.year || flowRank(a.flow) - flowRank(b.flow));
  for (const row of sorted) {
    for (const cell of row.cells) cell.sort(cellOrder);
    row.reportersDiffer = row.cells.filter((cell) => cell.length > 0).length > 1;
  }
  return { reporters, rows: sorted };
}

// The figures of one flow, grouped by year, for a chart: one bar per figure, in reporter order.
export interface ChartGroup {
  year: number;
  bars: TradeFlow[];
}

export function chartGroups(flows: readonly TradeFlow[], flow: Flow): ChartGroup[] {
  const table = groupTrade(flows.filter((f) => f.flow === flow));
  return table.rows.map((row) => ({ year: row.year, bars: row.cells.flat() }));
}

// Flows present in the figures, in display order (for a flow picker).
export function flowsPresent(flows: readonly TradeFlow[]): Flow[] {
  return FLOW_ORDER.filter((flow) => flows.some((f) => f.flow === flow));
}

// The year offered first: the one in which a single reporter gives full-year totals for the most
// partners (so that shares compare something), the later year on a tie.
export function defaultYear(flows: TradeFlow[]): number | null {
  const partners = new Map<string, Set<string>>();
  for (const flow of flows) {
    if (flow.flow !== 'total' || !isFullYear(flow.period) || flow.value_usd === null) continue;
    const key = `${flow.year}|${flow.reporter ?? ''}`;
    partners.set(key, (partners.get(key) ?? new Set()).add(flow.partner_iso3));
  }
  let best: { year: number; count: number } | null = null;
  for (const [key, set] of partners) {
    const year = Number(key.split('|')[0]);
    if (best === null || set.size > best.count || (set.size === best.count && year > best.year)) best = { year, count: set.size };
  }
  return best?.year ?? null;
}
