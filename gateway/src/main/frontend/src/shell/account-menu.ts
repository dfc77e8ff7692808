import { csrfToken } from '../api';
import { html, type SafeHtml } from '../html';
import { language, type Dictionary } from '../i18n';
import { icon } from '../icons';
import { SIGN_IN_URL, SIGN_OUT_URL, paths } from '../paths';
import { href } from '../router';
import { isOperator, type Session } from '../session';

/** INGRESAR: Keycloak's login page in the portal's language. */
export function signInHref(): string {
  return SIGN_IN_URL + (language() === 'en' ? '?lang=en' : '');
}

/**
 * The account's place in the header (R-ACC-9): INGRESAR for a visitor; for a signed-in traveller the holder's
 * name beside the three-line menu with Información, Ayuda and Cerrar Sesión, which asks for confirmation first;
 * an operator also finds the dead letters there (R-OPS-4).
 */
export function renderAccountMenu(d: Dictionary, session: Session): SafeHtml {
  if (!session.authenticated) {
    return html`<a class="signin-link" href="${signInHref()}">${d.actions.signIn}</a>`;
  }
  const a = d.account;
  return html`<div class="account-menu">
      <button type="button" class="account-button" aria-expanded="false" aria-controls="menu-cuenta"
        data-action="toggle-account-menu">
        ${icon('menu')}<span class="account-name">${session.name || session.email || ''}</span>
        <span class="visually-hidden">${a.menu}</span>
      </button>
      <ul class="account-menu-list" id="menu-cuenta" hidden>
        <li><a href="${href(paths.accountInfo)}">${a.info}</a></li>
        <li><a href="${href(paths.changePassword)}" data-testid="menu-password">${d.changePassword.menu}</a></li>
        <li><a href="${href(paths.help)}">${a.help}</a></li>
        ${isOperator(session)
          ? html`<li><a href="${href(paths.deadLetters)}" data-testid="menu-dead-letters">${d.ops.menu}</a></li>`
          : ''}
        <li><button type="button" data-action="sign-out">${a.signOut}</button></li>
      </ul>
    </div>
    <dialog class="modal confirm-dialog" id="confirmar-salida" aria-labelledby="confirmar-salida-titulo">
      <form method="post" action="${SIGN_OUT_URL}" class="confirm-form">
        <p id="confirmar-salida-titulo">${a.confirmSignOut}</p>
        <input type="hidden" name="_csrf" value="${csrfToken() ?? ''}">
        <div class="notice-actions">
          <button type="submit" class="button button-primary">${a.accept}</button>
          <button type="button" class="button" data-action="cancel-sign-out">${a.cancel}</button>
        </div>
      </form>
    </dialog>`;
}

function closeMenu(): void {
  const menu = document.getElementById('menu-cuenta');
  if (menu && !menu.hidden) {
    menu.hidden = true;
    document.querySelector('[data-action="toggle-account-menu"]')?.setAttribute('aria-expanded', 'false');
  }
}

/** Opens and closes the menu and the sign-out confirmation; wired once, on the document. */
export function wireAccountMenu(): void {
  window.addEventListener('hashchange', closeMenu);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeMenu();
  });
  document.addEventListener('click', (event) => {
    const target = event.target as Element;
    const toggle = target.closest<HTMLButtonElement>('[data-action="toggle-account-menu"]');
    const menu = document.getElementById('menu-cuenta');
    if (toggle && menu) {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      menu.hidden = !open;
      if (open) menu.querySelector<HTMLElement>('a, button')?.focus();
      return;
    }
    if (target.closest('[data-action="sign-out"]')) {
      const dialog = document.getElementById('confirmar-salida') as HTMLDialogElement | null;
      const csrf = dialog?.querySelector<HTMLInputElement>('input[name="_csrf"]');
      if (csrf) csrf.value = csrfToken() ?? '';
      dialog?.showModal();
      return;
    }
    if (target.closest('[data-action="cancel-sign-out"]')) {
      (document.getElementById('confirmar-salida') as HTMLDialogElement | null)?.close();
      return;
    }
    if (!target.closest('.account-menu')) closeMenu();
  });
}
