// The objects of the Ordo HTTP API, version 1 (docs/api/README.md). A missing value is null.

export type Lang = 'en' | 'ru' | 'ky';
export type Precision = 'year' | 'month' | 'day';
export type Flow = 'total' | 'export' | 'import';
export type Bound = 'exact' | 'lower_bound';

export interface Paged<T> {
  items: T[];
  page: number;
  page_size: number;
  total: number;
  marking?: string;  // on case data: the highest marking of this page's records
}

export interface Country {
  iso3: string;
  iso2: string | null;
  name: string;
  name_en: string | null;
  name_ru: string | null;
  name_ky: string | null;
  region: string | null;
  subregion: string | null;
  un_member: boolean | null;
}

export interface Relation {
  iso3: string;
  name: string;
  date_established: string | null;
  precision: Precision | null;
  match: 'yes' | 'uncertain';
  region: string | null;
  subregion: string | null;
  source_url: string | null;
  notes: string | null;
  table_rank: number | null;
  country_name_en: string | null;
  table_cited_source_url: string | null;
  wikitext_copy_url: string | null;
}

export interface TradeFlow {
  partner_iso3: string;
  partner: string | null;
  year: number;
  flow: Flow;
  value_usd: number | null;
  bound: Bound;
  period: string | null;
  reporter: string | null;
  source_url: string | null;
  notes: string | null;
}

export interface Membership {
  org_acronym: string;
  org_name: string | null;
  date_joined: string | null;
  role: string | null;
  source_url: string | null;
  notes: string | null;
}

export interface Fact {
  fact_id: string;
  topic: string;
  statement: string;
  year: number | null;
  quantity: number | null;
  unit: string | null;
  place: string | null;
  source_url: string | null;
  notes: string | null;
}

export interface Place {
  name: string;
  kind: string | null;
  country_iso3: string | null;
  lat: number | null;
  lon: number | null;
  source_url: string | null;
  notes: string | null;
}

export interface Summary {
  countries: number | null;
  relations: number | null;
  un_members: number | null;
  un_members_with_relations: number | null;
  memberships: number | null;
  trade_flows: number | null;
  drug_facts: number | null;
  places: number | null;
}

export interface CountryProfile {
  country: Country;
  relation: {
    date_established: string | null;
    precision: Precision | null;
    source_url: string | null;
    notes: string | null;
  } | null;
  missing_relation: {
    status: string | null;
    basis: string | null;
    later_established: string | null;
    source_url: string | null;
    notes: string | null;
  } | null;
  shared_organizations: Array<{
    org_acronym: string;
    org_name: string | null;
    kyrgyzstan_joined: string | null;
    kyrgyzstan_role: string | null;
    partner_role: string | null;
    source_url: string | null;
  }>;
  trade: TradeFlow[];
  drug_facts: Fact[];
  places: Place[];
  neighbours: Array<{ iso3: string; name: string | null }>;
}

export interface TimelineYear {
  year: number;
  established: number;
  year_only_dates: number;
  cumulative: number;
  countries: string[];
}

export interface Timeline {
  years: TimelineYear[];
  undated: number | null;
}

export interface Coverage {
  un_members: number | null;
  with_relations: number | null;
  without_relations: Array<{
    iso3: string;
    name: string | null;
    status: string | null;
    basis: string | null;
    later_established: string | null;
    source_url: string | null;
    notes: string | null;
  }>;
  non_members_with_relations: Array<{ iso3: string; name: string | null }>;
  inconsistencies: string[];
}

export interface OrganizationDetail {
  membership: Membership;
  members: Array<{
    iso3: string;
    name: string | null;
    role: string | null;
    source_url: string | null;
    notes: string | null;
  }>;
}

export interface Concentration {
  year: number;
  flow: Flow;
  reporter: string | null;
  partners: Array<{
    partner_iso3: string;
    partner: string | null;
    value_usd: number | null;
    share: number | null;
    bound: Bound;
    source_url: string | null;
  }>;
  covered_total_usd: number | null;
  hhi: number | null;
  includes_lower_bounds: boolean;
  missing: Array<{ partner_iso3: string; partner: string | null; reason: string | null }>;
  other_reporters: string[];
  notes: string[];
}

export interface Balance {
  blocs: Array<{ id: string; name: string; members: string[] }>;
  series: Array<{
    year: number;
    bloc: string;
    reporter: string | null;
    value_usd: number | null;
    partners: string[];
    includes_lower_bounds: boolean;
  }>;
}

// RFC 9457 problem details, as the server sends them.
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  parameter?: string;
}
