import { UNAUTHORIZED, type ApiResult, type Problem } from '../api';
import { html, type SafeHtml } from '../html';
import type { Dictionary } from '../i18n';
import { SIGN_IN_URL } from '../paths';

/** What the signed-in pages show while loading, when nobody is signed in, or when the API failed. */
export function loadingView(d: Dictionary): SafeHtml {
  return html`<p role="status" class="loading">${d.common.loading}</p>`;
}

/**
 * INGRESAR, with why: the server's own words when the session ended while the page was open (`session_expired`),
 * `message` otherwise.
 */
export function notSignedInView(d: Dictionary, problem?: Problem, message: string = d.common.notSignedIn): SafeHtml {
  const ended = problem?.extra['code'] === 'session_expired' && problem.detail;
  return html`<div class="notice notice-info" data-testid="not-signed-in"><p>${ended || message}</p>
    <p class="notice-actions"><a class="button button-primary" href="${SIGN_IN_URL}">${d.actions.signIn}</a></p></div>`;
}

export function problemView(message: string): SafeHtml {
  return html`<div class="notice notice-error" role="alert"><p>${message}</p></div>`;
}

/** The view for a failed call: sign-in for 401, the problem's Spanish (or English) text otherwise. */
export function failureView<T>(d: Dictionary, result: ApiResult<T>, notFound?: string): SafeHtml {
  if (result.ok) return html``;
  if (result.status === UNAUTHORIZED) return notSignedInView(d, result.problem);
  if (result.status === 404 && notFound) return problemView(notFound);
  return problemView([result.problem.title, result.problem.detail].filter(Boolean).join(' '));
}

/** Lists may come bare or wrapped (`{items: [...]}`): the UI accepts both. */
export function asList<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === 'object') {
    for (const key of ['items', 'content', 'documents', 'preregistrations', 'services']) {
      const value = (data as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value as T[];
    }
  }
  return [];
}
