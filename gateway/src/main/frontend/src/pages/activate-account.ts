import { api, NETWORK_ERROR, TOO_MANY_REQUESTS } from '../api';
import { html, mount, type SafeHtml } from '../html';
import { t, type Dictionary } from '../i18n';
import { icon } from '../icons';
import { SIGN_IN_URL, paths } from '../paths';
import { href, type Route } from '../router';

/**
 * The landing of the e-mail's «Activar cuenta» link, `#/cuenta/activar?token=...` (R-ACC-6): calls
 * the activation endpoint once per token and says what happened: activated (INGRESAR), expired
 * (link to Recuperar cuenta), already used, invalid link, or the service could not be reached (retry).
 */
type Outcome = 'working' | 'activated' | 'expired' | 'used' | 'invalid' | 'error';

interface State {
  outcome: Outcome;
  message?: string | undefined;
}

/** One call per token, even when the page is re-rendered (language switch). */
const results = new Map<string, State>();

export function activationToken(hash = window.location.hash): string {
  const query = hash.split('?')[1] ?? '';
  return (new URLSearchParams(query).get('token') ?? '').trim();
}

function view(d: Dictionary, state: State): SafeHtml {
  const a = d.activation;
  const home = html`<a href="${href(paths.home)}">${a.home}</a>`;
  switch (state.outcome) {
    case 'working':
      return html`<p class="notice notice-info" role="status">${a.working}</p>`;
    case 'activated':
      return html`<div class="notice notice-success">
        ${icon('check', 'icon icon-large')}
        <div>
          <h2 tabindex="-1">${a.successTitle}</h2>
          <p>${a.successText}</p>
          <p class="notice-actions"><a class="button button-primary" href="${SIGN_IN_URL}">${d.actions.signIn}</a></p>
        </div>
      </div>`;
    case 'expired':
      return html`<div class="notice notice-error">
        ${icon('alert', 'icon icon-large')}
        <div>
          <h2 tabindex="-1">${a.expiredTitle}</h2>
          <p>${a.expiredText}</p>
          <p class="notice-actions"><a class="button button-secondary" href="${href(paths.recoverAccount)}">${a.expiredLink}</a> ${home}</p>
        </div>
      </div>`;
    case 'used':
      return html`<div class="notice notice-info">
        ${icon('alert', 'icon icon-large')}
        <div>
          <h2 tabindex="-1">${a.usedTitle}</h2>
          <p>${a.usedText}</p>
          <p class="notice-actions"><a class="button button-primary" href="${SIGN_IN_URL}">${d.actions.signIn}</a></p>
        </div>
      </div>`;
    case 'invalid':
      return html`<div class="notice notice-error">
        ${icon('alert', 'icon icon-large')}
        <div>
          <h2 tabindex="-1">${a.invalidTitle}</h2>
          <p>${a.invalidText}</p>
          <p class="notice-actions"><a class="button button-secondary" href="${href(paths.recoverAccount)}">${a.expiredLink}</a> ${home}</p>
        </div>
      </div>`;
    case 'error':
      return html`<div class="notice notice-error">
        ${icon('alert', 'icon icon-large')}
        <div>
          <h2 tabindex="-1">${a.errorTitle}</h2>
          <p>${state.message ?? d.api.unexpectedError}</p>
          <p class="notice-actions"><button type="button" class="button button-secondary" data-action="retry-activation">${a.retry}</button></p>
        </div>
      </div>`;
  }
}

function stateOf(token: string): State {
  if (!token) return { outcome: 'invalid' };
  return results.get(token) ?? { outcome: 'working' };
}

async function activate(token: string): Promise<State> {
  const result = await api.post<unknown>('/api/accounts/activation', { token });
  if (result.ok) return { outcome: 'activated' };
  const code = result.problem.errors[0]?.code;
  if (result.status === 410 || code === 'activation_expired') return { outcome: 'expired' };
  if (result.status === 409 || code === 'activation_used') return { outcome: 'used' };
  if (result.status === 400 || result.status === 404) return { outcome: 'invalid' };
  const readable = result.status === NETWORK_ERROR || result.status === TOO_MANY_REQUESTS;
  return { outcome: 'error', message: readable ? result.problem.title : undefined };
}

export const activateAccountPage: Route = {
  path: paths.activateAccount,
  title: (d) => d.activation.title,
  render: (d) => html`
    <div class="container page page-narrow">
      <div class="page-header">
        <h1 tabindex="-1">${d.activation.title}</h1>
      </div>
      <div id="activacion-resultado" aria-live="polite">${view(d, stateOf(activationToken()))}</div>
    </div>`,
  mounted: (root) => {
    const token = activationToken();
    const box = root.querySelector<HTMLElement>('#activacion-resultado');
    if (!box || !token) return;

    const run = async (): Promise<void> => {
      results.set(token, { outcome: 'working' });
      mount(box, view(t(), { outcome: 'working' }));
      const state = await activate(token);
      // An error may be retried; anything else is final for this token.
      results.set(token, state);
      // The page may have been re-rendered meanwhile (language switch): update whatever is shown now.
      const current = document.getElementById('activacion-resultado');
      if (!current || activationToken() !== token) return;
      mount(current, view(t(), state));
      current.querySelector<HTMLElement>('h2')?.focus();
    };

    box.addEventListener('click', (event) => {
      if ((event.target as Element).closest('[data-action="retry-activation"]')) void run();
    });
    if (!results.has(token)) void run();
  },
};
