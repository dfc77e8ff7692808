import { mount } from './html';
import { initLanguage, language, onLanguageChange, setLanguage, t, type Language } from './i18n';
import { activateAccountPage } from './pages/activate-account';
import { createAccountPage } from './pages/create-account';
import { helpPage } from './pages/help';
import { homePage } from './pages/home';
import { notFoundPage } from './pages/not-found';
import { privacyPage } from './pages/privacy';
import { currentPath, href, isRouteHash, match, type Route, type RouteContext } from './router';
import { renderFooter } from './shell/footer';
import { renderHeader } from './shell/header';
import { wireAccountMenu } from './shell/account-menu';
import { forgetSession, loadSession, session } from './session';
import { whenUnauthorized } from './api';
import { paths } from './paths';
import { accountInfoPage } from './pages/account-info';
import { mainScreenPage } from './pages/main-screen';
import { registerDocumentPage } from './pages/register-document';
import { servicesPage } from './pages/services';
import { preregistrationStartPage } from './pages/preregistration-start';
import { preregistrationWizardPage } from './pages/preregistration-wizard';
import { historyPage } from './pages/history';
import { verifyFmmePage } from './pages/verify-fmme';
import { changePasswordPage, recoverAccountPage, resetPasswordPage } from './pages/account-password';
import { WelcomeModal } from './shell/welcome-modal';
import { deadLettersPage } from './pages/dead-letters';
import { signInFailedPage } from './pages/sign-in-failed';

/** Every page of the UI. Features add theirs here. */
const routes: readonly Route[] = [homePage, helpPage, privacyPage, createAccountPage, activateAccountPage,
  accountInfoPage, mainScreenPage, registerDocumentPage, servicesPage,
  preregistrationStartPage, preregistrationWizardPage, historyPage, verifyFmmePage,
  recoverAccountPage, resetPasswordPage, changePasswordPage, deadLettersPage, signInFailedPage];

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} missing from index.html`);
  return found as T;
}

export function startApp(): void {
  initLanguage();
  const header = element('site-header');
  const main = element('contenido');
  const footer = element('site-footer');
  const skipLink = element<HTMLAnchorElement>('skip-link');
  const welcome = new WelcomeModal(element<HTMLDialogElement>('bienvenida'));
  let shown: { route: Route; path: string; query: string } | null = null;

  function renderChrome(): void {
    const d = t();
    skipLink.textContent = d.skipLink;
    mount(header, renderHeader(d, session()));
    mount(footer, renderFooter(d));
    const description = document.querySelector('meta[name="description"]');
    description?.setAttribute('content', d.meta.description);
  }

  function markCurrentLinks(route: Route): void {
    document.querySelectorAll<HTMLAnchorElement>('a[data-path]').forEach((link) => {
      if (link.dataset['path'] === route.path) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    });
  }

  function focusWithoutScroll(target: HTMLElement | null): void {
    target?.focus({ preventScroll: true });
  }

  function showSection(context: RouteContext): boolean {
    if (!context.section) return false;
    const section = main.querySelector<HTMLElement>(`[data-section="${CSS.escape(context.section)}"]`);
    if (!section) return false;
    section.scrollIntoView({ block: 'start' });
    focusWithoutScroll(section.querySelector<HTMLElement>('h2'));
    return true;
  }

  /** Renders the page of the current hash; `navigated` moves focus to it (not on first load). */
  function renderRoute(navigated: boolean, force = false): void {
    const path = currentPath();
    const found = match(routes, path) ?? { route: notFoundPage, context: { section: '' } };
    const d = t();
    document.title = `${found.route.title(d)} — ${d.meta.siteTitle}`;
    markCurrentLinks(found.route);
    // The query ("#/cuenta/activar?token=...") is the page's input: a new one renders the page again.
    const query = window.location.hash.split('?')[1] ?? '';
    const sameInput = !found.route.sectionIsInput || shown?.path === path;
    if (!force && shown?.route === found.route && shown.query === query && sameInput && found.route !== notFoundPage) {
      // Same page, another section: keep the page (and its open details) as it is.
      shown = { route: found.route, path, query };
      if (!showSection(found.context) && navigated) focusWithoutScroll(main.querySelector('h1'));
      return;
    }
    shown = { route: found.route, path, query };
    mount(main, found.route.render(d, found.context));
    found.route.mounted?.(main, found.context);
    if (showSection(found.context)) return;
    if (navigated) {
      window.scrollTo(0, 0);
      focusWithoutScroll(main.querySelector('h1'));
    }
  }

  skipLink.addEventListener('click', (event) => {
    // Not a route: move focus to the main content without touching the hash.
    event.preventDefault();
    main.focus();
    main.scrollIntoView({ block: 'start' });
  });

  document.addEventListener('click', (event) => {
    const target = event.target as Element;
    const langButton = target.closest<HTMLButtonElement>('[data-lang]');
    if (langButton) {
      setLanguage(langButton.dataset['lang'] as Language);
      return;
    }
    if (target.closest('[data-action="open-welcome"]')) welcome.open();
  });

  onLanguageChange(() => {
    const scrollY = window.scrollY;
    renderChrome();
    renderRoute(false, true);
    welcome.render();
    // The switch was re-rendered: give focus back to the chosen language's button, stay where the reader was.
    focusWithoutScroll(document.querySelector<HTMLButtonElement>(`[data-lang="${language()}"]`));
    window.scrollTo(0, scrollY);
  });

  window.addEventListener('hashchange', () => {
    if (isRouteHash(window.location.hash)) renderRoute(true);
  });

  // A session that ended while the page was open (Keycloak's, signed out elsewhere or idle too long): the header
  // goes back to INGRESAR at the first answer that says so; the page shows its own notice.
  whenUnauthorized(() => {
    if (!session().authenticated) return;
    forgetSession();
    renderChrome();
  });
  wireAccountMenu();
  renderChrome();
  renderRoute(false);
  welcome.showIfFirstVisit();
  // The header shows INGRESAR until the gateway says who is signed in.
  void loadSession().then((current) => {
    if (!current.authenticated) return;
    renderChrome();
    // Arriving signed in (the sign-in lands on "/"): the main screen of R-DOC-1. "Ir al inicio" (#/) stays home,
    // which then offers the main screen instead of CREAR CUENTA.
    if (window.location.hash === '' || window.location.hash === '#') window.location.hash = href(paths.main);
    else if (currentPath() === paths.home) renderRoute(false, true);
  });
}
