// The client of the Ordo HTTP API (docs/api/README.md): GET requests under ./api/v1, answers
// cached for the session (the registry does not change while the page is open).
import type { Lang, Paged, Problem } from './types';

export class ApiError extends Error {
  // 0 when the server could not be reached.
  readonly status: number;
  readonly problem: Problem | null;
  readonly kind: 'network' | 'http' | 'json';

  constructor(kind: 'network' | 'http' | 'json', status: number, problem: Problem | null, message: string) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.problem = problem;
  }
}

type Params = Record<string, string | number | boolean | null | undefined>;

const API_ROOT = 'api/v1';
const cache = new Map<string, Promise<unknown>>();

export function apiUrl(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return `${API_ROOT}${path}${text ? `?${text}` : ''}`;
}

async function fetchJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json, application/problem+json' } });
  } catch (error) {
    throw new ApiError('network', 0, null, error instanceof Error ? error.message : String(error));
  }
  const body = await response.text();
  if (!response.ok) {
    let problem: Problem | null = null;
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed && typeof parsed === 'object') problem = parsed as Problem;
    } catch {
      problem = null;
    }
    const message = problem?.detail ?? problem?.title ?? `${response.status} ${response.statusText}`;
    throw new ApiError('http', response.status, problem, message);
  }
  try {
    return JSON.parse(body) as T;
  } catch {
    throw new ApiError('json', response.status, null, `not JSON: ${url}`);
  }
}

export function getJson<T>(path: string, params: Params = {}): Promise<T> {
  const url = apiUrl(path, params);
  let pending = cache.get(url) as Promise<T> | undefined;
  if (!pending) {
    pending = fetchJson<T>(url);
    cache.set(url, pending);
    // A failed request is not remembered, so "try again" asks the server again.
    pending.catch(() => cache.delete(url));
  }
  return pending;
}

const PAGE_SIZE = 500;

// Every item of a paged list, page after page.
export async function getAll<T>(path: string, params: Params = {}): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await getJson<Paged<T>>(path, { ...params, page, page_size: PAGE_SIZE });
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) return items;
  }
}

export function withLang(lang: Lang, params: Params = {}): Params {
  return { ...params, lang };
}
