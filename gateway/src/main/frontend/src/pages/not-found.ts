import { html } from '../html';
import { paths } from '../paths';
import { href, type Route } from '../router';

/** Any path without a route (including features not built yet). */
export const notFoundPage: Route = {
  path: '*',
  title: (d) => d.notFound.title,
  render: (d) => html`
    <div class="container page page-narrow">
      <h1 tabindex="-1">${d.notFound.title}</h1>
      <p>${d.notFound.text}</p>
      <p><a class="button button-secondary" href="${href(paths.home)}">${d.notFound.back}</a></p>
    </div>`,
};
