import { api, csrfToken, UNAUTHORIZED, type Problem } from '../api';
import { ask } from '../components/dialog';
import { notSignedInView } from './signed-in';
import { COUNTRIES } from '../countries';
import { html, mount, type SafeHtml } from '../html';
import { language, t, type Dictionary } from '../i18n';
import { paths, SIGN_OUT_URL } from '../paths';
import type { Route } from '../router';

/**
 * "Información" of the account menu (R-ACC-9): the signed-in traveller's data, read-only (R-ACC-4), and their ARCO
 * rights of access and cancellation (R-ENT-5): DESCARGAR MIS DATOS saves what the platform holds about them as
 * mis-datos.json; CANCELAR CUENTA, once confirmed, closes the account (the services erase their part) and leaves the
 * sign-out as the last step.
 */
interface Profile {
  email: string;
  givenNames: string;
  firstSurname: string;
  secondSurname: string;
  nationality: string;
  birthDate: string;
}

function countryName(code: string): string {
  const country = COUNTRIES.find((c) => c.code === code);
  return country ? `${country[language()]} (${code})` : code;
}

function view(d: Dictionary, profile: Profile): SafeHtml {
  const a = d.account;
  const name = [profile.givenNames, profile.firstSurname, profile.secondSurname].filter(Boolean).join(' ');
  return html`<dl class="account-info">
      <dt>${a.email}</dt><dd>${profile.email}</dd>
      <dt>${a.name}</dt><dd>${name}</dd>
      <dt>${a.nationality}</dt><dd>${countryName(profile.nationality)}</dd>
      <dt>${a.birthDate}</dt><dd>${profile.birthDate}</dd>
    </dl>
    <section class="account-data" aria-labelledby="datos-personales">
      <h2 id="datos-personales">${a.dataTitle}</h2>
      <p>${a.dataIntro}</p>
      <div class="notice-actions">
        <button type="button" class="button button-primary" data-action="export-data" data-testid="export-data">${a.download}</button>
        <button type="button" class="button" data-action="close-account" data-testid="close-account">${a.close}</button>
      </div>
      <div id="datos-aviso" aria-live="polite"></div>
    </section>`;
}

function problemView(problem: Problem): SafeHtml {
  return html`<p class="notice notice-error" role="alert">${problem.detail || problem.title}</p>`;
}

/**
 * One file with all the platform holds about the traveller: the account (identity-service's export), the travel
 * documents, the passport scans (what was read from each photo, and where the photo is), each pre-registration
 * as its history lists it with everything it holds (`detail`: the four steps, the attachments' names), and the
 * e-mails sent to the account (what, where, when), each part as its own service answers it.
 */
async function exportData(box: HTMLElement): Promise<void> {
  const [account, documents, scans, history, mails] = await Promise.all([
    api.get<Record<string, unknown>>('/api/accounts/me/export'),
    api.get<unknown>('/api/documents'),
    api.get<unknown>('/api/documents/scans'),
    api.get<Array<{ id: string }>>('/api/preregistrations'),
    api.get<unknown>('/api/notifications'),
  ]);
  const details = history.ok
    ? await Promise.all(
        history.data.map((entry) => api.get<unknown>(`/api/preregistrations/${encodeURIComponent(entry.id)}`)),
      )
    : [];
  const notice = box.querySelector<HTMLElement>('#datos-aviso');
  if (!notice || !notice.isConnected) return;
  const failed = [account, documents, scans, history, mails, ...details].find((part) => !part.ok);
  if (failed && !failed.ok) {
    mount(notice, problemView(failed.problem));
    return;
  }
  // none failed: this only narrows their types
  if (!account.ok || !documents.ok || !scans.ok || !history.ok || !mails.ok) return;
  const detailData = details.flatMap((detail) => (detail.ok ? [detail.data] : []));
  const { heldElsewhere: _where, ...held } = account.data;
  const preregistrations = history.data.map((entry, i) => ({ ...entry, detail: detailData[i] }));
  const all = { ...held, documents: documents.data, scans: scans.data, preregistrations, mails: mails.data };
  mount(notice, html`<p class="notice" role="status">${t().account.downloaded}</p>`);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(all, null, 2)], { type: 'application/json' }));
  link.download = 'mis-datos.json';
  link.hidden = true;
  link.dataset['testid'] = 'export-file';
  notice.append(link);
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

async function closeAccount(box: HTMLElement): Promise<void> {
  const a = t().account;
  if (!(await ask(a.confirmClose, { okLabel: a.close, cancelLabel: a.keep }))) return;
  const result = await api.delete<unknown>('/api/accounts/me');
  if (!box.isConnected) return;
  if (!result.ok) {
    const notice = box.querySelector<HTMLElement>('#datos-aviso');
    if (notice) mount(notice, problemView(result.problem));
    return;
  }
  mount(box, html`<div class="notice" role="status" data-testid="account-closed">
      <p>${a.closed}</p>
      <form method="post" action="${SIGN_OUT_URL}">
        <input type="hidden" name="_csrf" value="${csrfToken() ?? ''}">
        <button type="submit" class="button button-primary" data-testid="closed-sign-out">${a.signOut}</button>
      </form>
    </div>`);
}

export const accountInfoPage: Route = {
  path: paths.accountInfo,
  title: (d) => d.account.infoTitle,
  render: (d) => html`<section class="page container">
      <h1 tabindex="-1">${d.account.infoTitle}</h1>
      <p>${d.account.infoIntro}</p>
      <div id="informacion-cuenta" aria-live="polite"><p role="status">${d.account.loading}</p></div>
    </section>`,
  mounted(root) {
    const box = root.querySelector<HTMLElement>('#informacion-cuenta');
    void api.get<Profile>('/api/accounts/me').then((result) => {
      if (!box || !box.isConnected) return;
      const d = t();
      if (result.ok) {
        mount(box, view(d, result.data));
        box.querySelector('[data-action="export-data"]')?.addEventListener('click', () => void exportData(box));
        box.querySelector('[data-action="close-account"]')?.addEventListener('click', () => void closeAccount(box));
      } else if (result.status === UNAUTHORIZED) {
        mount(box, notSignedInView(d, result.problem, d.account.notSignedIn));
      } else {
        mount(box, html`<p class="notice notice-error" role="alert">${result.problem.title}</p>`);
      }
    });
  },
};
