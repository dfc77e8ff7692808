import { html, type SafeHtml } from '../html';
import { LANGUAGES, language, type Dictionary } from '../i18n';
import { paths } from '../paths';
import { href } from '../router';
import type { Session } from '../session';
import { renderAccountMenu } from './account-menu';

/** The INM emblem: a text mark (no official artwork is bundled). */
function brandMark(): SafeHtml {
  return html`<svg class="brand-mark" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
    <rect x="1.5" y="1.5" width="45" height="45" rx="8" fill="none" stroke="currentColor" stroke-width="3"/>
    <text x="24" y="30" text-anchor="middle" font-size="15" font-weight="700" fill="#ffffff" font-family="system-ui, sans-serif">INM</text>
  </svg>`;
}

export function renderHeader(d: Dictionary, session: Session): SafeHtml {
  const current = language();
  const links = [
    { path: paths.home, label: d.nav.home },
    ...(session.authenticated
      ? [{ path: paths.main, label: d.main.navLabel }, { path: paths.history, label: d.history.title }]
      : []),
    { path: paths.help, label: d.nav.help },
    { path: paths.privacy, label: d.nav.privacy },
    { path: paths.verifyFmme, label: d.verify.title },
  ];
  return html`
    <div class="topbar">
      <div class="container topbar-inner">
        <a class="brand" href="${href(paths.home)}">
          ${brandMark()}
          <span class="brand-text">
            <span class="brand-institute">${d.header.institute}</span>
            <span class="brand-portal">${d.header.portal}</span>
          </span>
        </a>
        <div class="account-area">${renderAccountMenu(d, session)}</div>
        <div class="lang-switch" role="group" aria-label="${d.language.label}">
          ${LANGUAGES.map(
            (lang) => html`<button type="button" class="lang-button" data-lang="${lang}" lang="${lang}"
              aria-pressed="${String(lang === current)}">${lang.toUpperCase()}<span class="visually-hidden">
              – ${d.language[lang]}</span></button>`,
          )}
        </div>
      </div>
    </div>
    <nav class="mainnav" aria-label="${d.nav.label}">
      <div class="container">
        <ul class="mainnav-list">
          ${links.map(
            (link) => html`<li><a class="mainnav-link" href="${href(link.path)}" data-path="${link.path}">${link.label}</a></li>`,
          )}
        </ul>
      </div>
    </nav>`;
}
