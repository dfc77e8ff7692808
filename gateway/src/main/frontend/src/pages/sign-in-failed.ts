import { html } from '../html';
import { paths } from '../paths';
import { href, type Route } from '../router';
import { signInHref } from '../shell/account-menu';

/**
 * Where the gateway sends the browser when a sign-in could not be completed: Keycloak's login page was left open too
 * long or submitted twice, the portal restarted meanwhile, or Keycloak did not answer. INGRESAR starts a new one.
 */
export const signInFailedPage: Route = {
  path: paths.signInFailed,
  title: (d) => d.signInFailed.title,
  render: (d) => html`
    <div class="container page page-narrow">
      <h1 tabindex="-1">${d.signInFailed.title}</h1>
      <div class="notice notice-info" data-testid="sign-in-failed"><p>${d.signInFailed.text}</p>
        <p class="notice-actions">
          <a class="button button-primary" href="${signInHref()}">${d.actions.signIn}</a>
          <a class="button button-secondary" href="${href(paths.home)}">${d.notFound.back}</a>
        </p>
      </div>
    </div>`,
};
