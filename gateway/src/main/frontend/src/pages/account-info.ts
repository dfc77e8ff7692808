import { api, UNAUTHORIZED } from '../api';
import { notSignedInView } from './signed-in';
import { COUNTRIES } from '../countries';
import { html, mount, type SafeHtml } from '../html';
import { language, t, type Dictionary } from '../i18n';
import { paths } from '../paths';
import type { Route } from '../router';

/** "Información" of the account menu (R-ACC-9): the signed-in traveller's data, read-only (R-ACC-4). */
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
    </dl>`;
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
      } else if (result.status === UNAUTHORIZED) {
        mount(box, notSignedInView(d, result.problem, d.account.notSignedIn));
      } else {
        mount(box, html`<p class="notice notice-error" role="alert">${result.problem.title}</p>`);
      }
    });
  },
};
