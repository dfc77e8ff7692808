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
}

export type ApiResult<T> =
  | { ok: true; status: number; data: T; headers: Headers }
  | { ok: false; status: number; problem: Problem };

/** `status` 0: the request never got an answer (offline, gateway down). */
export const NETWORK_ERROR = 0;

export function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'XSRF-TOKEN') return decodeURIComponent(value.join('='));
  }
  return null;
}

function genericProblem(status: number): Problem {
  const d = t().api;
  return { title: status === NETWORK_ERROR ? d.networkError : d.unexpectedError, detail: '', errors: [] };
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
  };
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

export async function apiRequest<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': language(),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, status: NETWORK_ERROR, problem: genericProblem(NETWORK_ERROR) };
  }
  const json = await readJson(response);
  if (response.ok) return { ok: true, status: response.status, data: json as T, headers: response.headers };
  // Only the API's own problems carry readable text; a proxy's error page or a 5xx does not.
  const readable = json !== null && response.status < 500;
  const problem = readable ? parseProblem(response.status, json) : genericProblem(response.status);
  return { ok: false, status: response.status, problem };
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body: unknown) => apiRequest<T>('POST', path, body),
};
