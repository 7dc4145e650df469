// The client of the Ordo HTTP API (docs/api/README.md): GET requests under ./api/v1, answers
// cached for the session (the registry does not change while the page is open). The server asks
// who is asking (docs/accounts.md): the browser sends the HttpOnly session cookie by itself, and
// requests that change something carry the session's CSRF token; a 401 sends the reader to the
// sign-in screen.
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

// Who is signed in, as GET/POST /api/v1/session answer.
export interface Session {
  account: string;
  role: 'admin' | 'analyst' | 'viewer';
  compartments: string[];
  every_compartment: boolean;
  via: 'session' | 'token';
  csrf_token: string | null;
  expires_at: string | null;
}

let csrfToken: string | null = null;
let onSignedOut: (() => void) | null = null;

// Called when the server answers 401 to a request of a signed-in page (the session ended).
export function setSignedOutHandler(handler: () => void): void {
  onSignedOut = handler;
}

function rememberSession(session: Session | null): Session | null {
  csrfToken = session?.csrf_token ?? null;
  // Another account may see other answers.
  cache.clear();
  return session;
}

export function apiUrl(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return `${API_ROOT}${path}${text ? `?${text}` : ''}`;
}

async function fetchJson<T>(url: string, method = 'GET', body?: unknown, signingIn = false): Promise<T> {
  let response: Response;
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
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
    if (response.status === 401 && !signingIn && onSignedOut) onSignedOut();
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

// The current session, or null when nobody is signed in.
export async function currentSession(): Promise<Session | null> {
  try {
    return rememberSession(await fetchJson<Session>(apiUrl('/session'), 'GET', undefined, true));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return rememberSession(null);
    throw error;
  }
}

// Signs in with a password, or with the token of the one-time sign-in link (`ordo serve` prints
// it while no account exists). Throws ApiError 401 when refused.
export async function signIn(credentials: { account: string; password: string } | { signin: string }): Promise<Session> {
  const session = await fetchJson<Session>(apiUrl('/session'), 'POST', credentials, true);
  rememberSession(session);
  return session;
}

export async function signOut(): Promise<void> {
  try {
    await fetchJson<unknown>(apiUrl('/session'), 'DELETE', undefined, true);
  } finally {
    rememberSession(null);
  }
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
