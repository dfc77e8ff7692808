import { html } from '../html';
import { CONTACT, paths } from '../paths';
import type { Route } from '../router';
import { sectionedPage } from './sections';

/** R-ENT-3 "Aviso de Privacidad Integral": purposes of processing, ARCO rights and how to exercise them. */
export const privacyPage: Route = {
  path: paths.privacy,
  title: (d) => d.privacy.title,
  render: (d) =>
    sectionedPage(paths.privacy, d.privacy.title, d.privacy.subtitle, d.privacy.tocLabel, [
      { id: 'responsable', title: d.privacy.responsibleTitle, body: html`<p>${d.privacy.responsible}</p>` },
      {
        id: 'datos',
        title: d.privacy.dataTitle,
        body: html`<ul class="bullets">${d.privacy.data.map((item) => html`<li>${item}</li>`)}</ul>`,
      },
      {
        id: 'finalidades',
        title: d.privacy.purposesTitle,
        body: html`<p>${d.privacy.purposesIntro}</p>
          <ol class="numbered">${d.privacy.purposes.map((item) => html`<li>${item}</li>`)}</ol>`,
      },
      { id: 'fundamento', title: d.privacy.legalTitle, body: html`<p>${d.privacy.legal}</p>` },
      { id: 'transferencias', title: d.privacy.transfersTitle, body: html`<p>${d.privacy.transfers}</p>` },
      {
        id: 'derechos-arco',
        title: d.privacy.arcoTitle,
        body: html`<p>${d.privacy.arcoIntro}</p>
          <dl class="arco">
            ${d.privacy.arco.map(
              (right) => html`<div class="arco-item">
                <dt><span class="arco-letter" aria-hidden="true">${right.term.charAt(0)}</span>${right.term}</dt>
                <dd>${right.text}</dd>
              </div>`,
            )}
          </dl>`,
      },
      {
        id: 'ejercer-arco',
        title: d.privacy.howTitle,
        body: html`<ol class="numbered">${d.privacy.how.map((item) => html`<li>${item}</li>`)}</ol>
          <p>${d.privacy.howContact} <a class="phone" href="tel:${CONTACT.phoneTel}">${d.contact.phone}</a>.</p>`,
      },
      { id: 'cambios', title: d.privacy.changesTitle, body: html`<p>${d.privacy.changes}</p>` },
    ]),
};
