import { html, type SafeHtml } from '../html';
import { href } from '../router';

/** A long page split in sections, with a table of contents whose links are routes ("#/ayuda/proceso"). */
export interface PageSection {
  id: string;
  title: string;
  body: SafeHtml;
  className?: string;
}

export function sectionedPage(
  path: string,
  title: string,
  intro: string,
  tocLabel: string,
  sections: readonly PageSection[],
): SafeHtml {
  return html`
    <div class="container page">
      <header class="page-header">
        <h1 tabindex="-1">${title}</h1>
        <p class="lead">${intro}</p>
      </header>
      <div class="page-layout">
        <nav class="toc" aria-label="${tocLabel}">
          <p class="toc-title" aria-hidden="true">${tocLabel}</p>
          <ol>
            ${sections.map((s) => html`<li><a href="${href(path, s.id)}">${s.title}</a></li>`)}
          </ol>
        </nav>
        <div class="page-body">
          ${sections.map(
            (s) => html`<section class="page-section ${s.className ?? ''}" id="${s.id}" data-section="${s.id}"
              aria-labelledby="${s.id}-titulo">
              <h2 id="${s.id}-titulo" tabindex="-1">${s.title}</h2>
              ${s.body}
            </section>`,
          )}
        </div>
      </div>
    </div>`;
}
