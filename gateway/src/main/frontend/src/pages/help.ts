import { html } from '../html';
import type { Dictionary } from '../i18n';
import { icon, type IconName } from '../icons';
import { CONTACT, paths } from '../paths';
import { renderContactLinks } from '../shell/footer';
import { href, type Route } from '../router';
import { sectionedPage } from './sections';

/** R-ENT-2 "Ayuda del Portal", with the contact of R-ENT-4. */
const STEP_ICONS: readonly IconName[] = ['userPlus', 'mail', 'signIn', 'passport', 'services', 'form', 'qr', 'plane'];

function process(d: Dictionary) {
  return html`
    <p>${d.help.processIntro}</p>
    <ol class="process" role="list">
      ${d.help.steps.map(
        (step, i) => html`<li class="process-step">
          <div class="process-marker" aria-hidden="true">
            <span class="process-number">${i + 1}</span>${icon(STEP_ICONS[i] ?? 'check', 'icon process-icon')}
          </div>
          <h3 class="process-title">${step.title}</h3>
          <p>${step.text}</p>
        </li>`,
      )}
    </ol>`;
}

export const helpPage: Route = {
  path: paths.help,
  title: (d) => d.help.title,
  render: (d) =>
    sectionedPage(paths.help, d.help.title, d.help.intro, d.help.tocLabel, [
      {
        id: 'requerimientos',
        title: d.help.techTitle,
        body: html`<ul class="checklist">${d.help.tech.map((item) => html`<li>${icon('check')}<span>${item}</span></li>`)}</ul>`,
      },
      {
        id: 'consideraciones',
        title: d.help.considerationsTitle,
        body: html`
          <ul class="checklist">${d.considerations.general.map((item) => html`<li>${icon('check')}<span>${item}</span></li>`)}</ul>
          <h3>${d.considerations.bringTitle}</h3>
          <ul class="bullets">${d.considerations.bring.map((item) => html`<li>${item}</li>`)}</ul>`,
      },
      { id: 'proceso', title: d.help.processTitle, body: process(d) },
      {
        id: 'manual',
        title: d.help.manualTitle,
        body: html`
          <p>${d.help.manualIntro}</p>
          ${d.help.chapters.map(
            (chapter) => html`<details class="disclosure">
              <summary>${chapter.title}</summary>
              <ul class="bullets">${chapter.items.map((item) => html`<li>${item}</li>`)}</ul>
            </details>`,
          )}`,
      },
      {
        id: 'preguntas',
        title: d.help.faqTitle,
        body: html`${d.help.faq.map(
          (item) => html`<details class="disclosure">
            <summary>${item.q}</summary>
            <p>${item.a}</p>
          </details>`,
        )}
          <p class="see-also"><a href="${href(paths.privacy)}">${d.footer.privacy}</a></p>`,
      },
      {
        id: 'contacto',
        title: d.help.contactTitle,
        className: 'contact-box',
        body: html`
          <p>${d.help.contactText} <a class="phone phone-large" href="tel:${CONTACT.phoneTel}">${d.contact.phone}</a>.</p>
          <p>${d.help.socialText}</p>
          ${renderContactLinks(d)}`,
      },
    ]),
};
