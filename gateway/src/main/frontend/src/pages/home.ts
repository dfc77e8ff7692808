import { html } from '../html';
import { icon } from '../icons';
import { SIGN_IN_URL, paths } from '../paths';
import { href, type Route } from '../router';
import { session } from '../session';

/** The entry page: CREAR CUENTA and INGRESAR (the flows behind them come with their features). */
export const homePage: Route = {
  path: paths.home,
  title: (d) => d.nav.home,
  render: (d) => html`
    <section class="hero" aria-labelledby="inicio-titulo">
      <div class="container hero-inner">
        <h1 id="inicio-titulo" tabindex="-1">${d.home.title}</h1>
        <p class="lead">${d.home.lead}</p>
        <p class="hero-intro">${d.home.intro}</p>
      </div>
    </section>
    <div class="container page">
      <section class="entry" aria-labelledby="acceso-titulo">
        <h2 id="acceso-titulo">${d.home.actionsTitle}</h2>
        ${session().authenticated
          ? html`<div class="entry-grid"><div class="entry-card" data-testid="signed-in-entry">
              ${icon('passport', 'icon icon-large')}
              <p>${d.main.lead}</p>
              <a class="button button-primary" href="${href(paths.main)}" data-testid="go-main">${d.main.navLabel}</a>
            </div></div>`
          : html`<div class="entry-grid">
          <div class="entry-card">
            ${icon('userPlus', 'icon icon-large')}
            <p>${d.home.createAccountHint}</p>
            <a class="button button-primary" href="${href(paths.createAccount)}">${d.actions.createAccount}</a>
          </div>
          <div class="entry-card">
            ${icon('signIn', 'icon icon-large')}
            <p>${d.home.signInHint}</p>
            <a class="button button-secondary" href="${SIGN_IN_URL}">${d.actions.signIn}</a>
          </div>
        </div>`}
        <p class="entry-reopen">
          <button type="button" class="link-button" data-action="open-welcome">${d.welcome.reopen}</button>
        </p>
      </section>
      <section class="who" aria-labelledby="quien-titulo">
        <h2 id="quien-titulo">${d.home.whoTitle}</h2>
        <div class="who-grid">
          <ul class="checklist">
            ${d.considerations.general.slice(0, 5).map((item) => html`<li>${icon('check')}<span>${item}</span></li>`)}
          </ul>
          <div class="callout">
            ${d.considerations.general.slice(5).map((item) => html`<p>${item}</p>`)}
          </div>
        </div>
      </section>
      <section aria-labelledby="consulte-titulo">
        <h2 id="consulte-titulo">${d.home.moreTitle}</h2>
        <ul class="card-links">
          <li>
            <a class="card-link" href="${href(paths.help)}">
              ${icon('book', 'icon icon-large')}
              <span class="card-link-title">${d.nav.help}</span>
              <span class="card-link-text">${d.home.helpCard}</span>
            </a>
          </li>
          <li>
            <a class="card-link" href="${href(paths.privacy)}">
              ${icon('shield', 'icon icon-large')}
              <span class="card-link-title">${d.footer.privacy}</span>
              <span class="card-link-text">${d.home.privacyCard}</span>
            </a>
          </li>
        </ul>
      </section>
    </div>`,
};
