import { fill } from './format';
import { language, t } from './i18n';

/**
 * The one way the UI talks to the API (API.md): JSON in and out, `Accept-Language` with the UI
 * language (the server answers its messages in it), the CSRF token of the gateway's `XSRF-TOKEN`
 * cookie echoed as `X-XSRF-TOKEN` (Spring Security's convention), RFC 9457 problems parsed into
 * field errors. A network failure or an unreadable answer becomes a readable message: callers
 * never get an exception.
 */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  title: string;
  detail: string;
  errors: FieldError[];
  /** The problem's other members (e.g. `code`, the time a block lifts), as the server sent them. */
  extra: Record<string, unknown>;
}

export type ApiResult<T> =
  | { ok: true; status: number; data: T; headers: Headers }
  | { ok: false; status: number; problem: Problem };

/** `status` 0: the request never got an answer (offline, gateway down). */
export const NETWORK_ERROR = 0;

/** Nobody is signed in, or no longer: the gateway's session ended (`code` `session_expired`) or never was. */
export const UNAUTHORIZED = 401;

let onUnauthorized: () => void = () => {};

/** What the shell does when an answer says nobody is signed in (it then shows INGRESAR instead of the account menu). */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

/** The gateway's (or a service's) rate limit: the answer says how long to wait in `Retry-After`. */
export const TOO_MANY_REQUESTS = 429;

export function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'XSRF-TOKEN') return decodeURIComponent(value.join('='));
  }
  return null;
}

function genericProblem(status: number): Problem {
  const d = t().api;
  return { title: status === NETWORK_ERROR ? d.networkError : d.unexpectedError, detail: '', errors: [], extra: {} };
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function parseProblem(status: number, body: unknown): Problem {
  const fallback = genericProblem(status);
  if (typeof body !== 'object' || body === null) return fallback;
  const record = body as Record<string, unknown>;
  const errors = Array.isArray(record['errors'])
    ? (record['errors'] as unknown[])
        .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
        .map((e) => ({ field: asString(e['field']), code: asString(e['code']), message: asString(e['message']) }))
    : [];
  return {
    title: asString(record['title']) || fallback.title,
    detail: asString(record['detail']),
    errors,
    extra: record,
  };
}

/** Whole seconds to wait from a `Retry-After` header (seconds or an HTTP date); `null` when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | null {
  const value = header?.trim() ?? '';
  if (/^\d{1,9}$/.test(value)) return Math.max(1, Number(value));
  const date = value ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? null : Math.max(1, Math.ceil((date - now) / 1000));
}

/**
 * A 429 in the reader's language with the wait the server asked for ("Demasiadas solicitudes. Espere 30 segundos e
 * intente de nuevo."): every page that shows a problem's title shows it. A rate limit's own `detail` would only
 * repeat it and is left out; a rule's (a recovery asked again too soon) says why, and is kept. `extra.retryAfter`
 * keeps the seconds for pages that count down.
 */
export function rateLimitedProblem(seconds: number | null, extra: Record<string, unknown> = {}): Problem {
  const d = t().api;
  const wait = seconds === null ? d.waitMoment
    : seconds === 1 ? d.waitSecond
    : seconds < 120 ? fill(d.waitSeconds, { n: seconds })
    : seconds < 2 * 3600 ? fill(d.waitMinutes, { n: Math.ceil(seconds / 60) })
      : fill(d.waitHours, { n: Math.ceil(seconds / 3600) });
  const code = typeof extra['code'] === 'string' ? extra['code'].toLowerCase() : 'rate_limited';
  const detail = code !== 'rate_limited' && typeof extra['detail'] === 'string' ? extra['detail'] : '';
  return { title: fill(d.tooManyRequests, { wait }), detail, errors: [], extra: { ...extra, retryAfter: seconds } };
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * One request; `body` is sent as JSON, or as multipart when it is a `FormData` (file uploads: the
 * browser sets the boundary).
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': language(),
  };
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : multipart ? body : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, status: NETWORK_ERROR, problem: genericProblem(NETWORK_ERROR) };
  }
  const json = await readJson(response);
  if (response.status === UNAUTHORIZED) onUnauthorized();
  if (response.ok) return { ok: true, status: response.status, data: json as T, headers: response.headers };
  if (response.status === TOO_MANY_REQUESTS) {
    const extra = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
    return { ok: false, status: response.status,
      problem: rateLimitedProblem(retryAfterSeconds(response.headers.get('Retry-After')), extra) };
  }
  // Only the API's own problems carry readable text; a proxy's error page or a 5xx does not.
  const readable = json !== null && response.status < 500;
  const problem = readable ? parseProblem(response.status, json) : genericProblem(response.status);
  return { ok: false, status: response.status, problem };
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body: unknown) => apiRequest<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
  /** Multipart upload (`POST` or `PUT`), e.g. a passport image or an attachment. */
  upload: <T>(method: 'POST' | 'PUT', path: string, form: FormData) => apiRequest<T>(method, path, form),
};
