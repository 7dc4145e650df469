// The counter-narcotics objects of the Ordo HTTP API under /api/v1/narcotics/ (docs/api/README.md,
// docs/api/openapi.json). A missing value is null. The route network and interdiction answers are
// read loosely (narcotics.ts normalises them): they follow `ordo routes` and `ordo interdict`.

export interface Seizure {
  seizure_id: string;
  date: string | null;
  precision: 'year' | 'month' | 'day' | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  admin_region: string | null;
  country_iso3: string | null;
  country: string | null;
  drug: string;
  quantity: number | null;
  unit: string | null;
  quantity_kg: number | null;
  conversion_note: string | null;
  conveyance: string | null;
  concealment: string | null;
  origin_iso3: string | null;
  departure_iso3: string | null;
  transit_iso3: string[];
  destination_iso3: string | null;
  route: string[];
  agency: string | null;
  case_id: string | null;
  synthetic: boolean;
  source: string | null;
  // docs/compartments.md; absent from an older server.
  compartment?: string;
  marking?: string;
}

export interface SeizureStatsRow {
  drug: string;
  year: number;
  real_count: number;
  real_kg: number;
  real_without_kg: number;
  synthetic_count: number;
  synthetic_kg: number;
  synthetic_without_kg: number;
}

export interface SeizureStats {
  marking?: string;  // the highest of the records it was computed from
  rows: SeizureStatsRow[];
  real_rows: number;
  synthetic_rows: number;
}

export interface HotspotCell {
  lat: number;
  lon: number;
  z: number | null;
  p: number | null;
  seizures: number | null;
  kg: number | null;
}

export interface Hotspots {
  marking?: string;  // the highest of the records it was computed from
  weight: 'kg' | 'count';
  cell_km: number;
  band_km: number;
  grid_rows: number;
  grid_cols: number;
  rows_matched: number;
  rows_without_coordinates: number;
  rows_outside_box: number;
  rows_without_kg: number;
  cells: HotspotCell[];
}

export interface TrendMonth {
  group: string;
  month: string; // yyyy-mm
  count: number;
  kg: number | null;
  count_anomaly: boolean;
  kg_anomaly: boolean;
}

export interface Trends {
  marking?: string;  // the highest of the records it was computed from
  by: string;
  months: TrendMonth[];
  year_only: Array<{ group: string; year: number; count: number; kg: number | null }>;
  rows_matched: number;
  anomaly_rule: { min_history_months: number; baseline_months: number; threshold: number };
}

export interface RouteNode {
  id?: unknown;
  node?: unknown;
  name?: unknown;
  kind?: unknown;
  lat?: unknown;
  lon?: unknown;
  seizures?: unknown;
  kg?: unknown;
  seizure_share?: unknown;
  betweenness?: unknown;
}

export interface RouteLeg {
  from?: unknown;
  to?: unknown;
  seizures?: unknown;
  cases?: unknown;
  kg?: unknown;
  without_kg?: unknown;
  seizure_share?: unknown;
}

export interface RouteNetwork {
  marking?: string;  // the highest of the records it was computed from
  nodes?: RouteNode[];
  legs?: RouteLeg[];
  edges?: RouteLeg[];
  chokepoints?: unknown[];
  rows_matched?: unknown;
  rows_routed?: unknown;
  rows_without_route?: unknown;
}

export interface InterdictionCheckpoint {
  node?: unknown;
  at?: unknown;
  id?: unknown;
  from?: unknown;
  to?: unknown;
  kind?: unknown;
  cost?: unknown;
  intercepted?: unknown;
  share?: unknown;
}

export interface Interdiction {
  plan?: Interdiction;
  method?: unknown;
  measure?: unknown;
  cost?: unknown;
  budget?: unknown;
  minimum_cut_cost?: unknown;
  flow_total?: unknown;
  flow_intercepted?: unknown;
  share_intercepted?: unknown;
  routes_total?: unknown;
  routes_intercepted?: unknown;
  checkpoints?: InterdictionCheckpoint[];
}
