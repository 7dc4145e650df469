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

async function fetchJson<T>(url: string, method = 'GET', body?: unknown): Promise<T> {
  let response: Response;
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError('network', 0, null, error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  if (!response.ok) {
    let problem: Problem | null = null;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') problem = parsed as Problem;
    } catch {
      problem = null;
    }
    const message = problem?.detail ?? problem?.title ?? `${response.status} ${response.statusText}`;
    throw new ApiError('http', response.status, problem, message);
  }
  if (text === '' && response.status === 204) return null as T;
  try {
    return JSON.parse(text) as T;
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

// Not cached: answers that change while the page is open (a job's state) and requests that change
// something on the server (POST, DELETE).
export function requestJson<T>(method: 'GET' | 'POST' | 'DELETE', path: string, params: Params = {}, body?: unknown): Promise<T> {
  return fetchJson<T>(apiUrl(path, params), method, body);
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
