import { api } from '../api';
import { countryName, holderName, type RegisteredDocument } from '../documents';
import { html, mount, type SafeHtml } from '../html';
import { language, t, type Dictionary } from '../i18n';
import { icon } from '../icons';
import { paths } from '../paths';
import { href, type Route } from '../router';
import { asList, failureView, loadingView } from './signed-in';

/**
 * INICIAR SERVICIOS for one document (R-PRE-1): the document's data and the services the server offers
 * for it (`GET /api/documents/{id}/services`); Pre-registro appears only when offered (Colombian, valid
 * documents). The pre-check text of R-PRE-7 and the 24-hour recommendation of R-PRE-6 come with it.
 */
interface Service {
  code: string;
}

function documentData(d: Dictionary, doc: RegisteredDocument): SafeHtml {
  const v = d.validate;
  const lang = language();
  const classification = doc.classification === 'DIPLOMATIC' ? v.diplomatic : v.ordinary;
  return html`<dl class="doc-data" data-testid="document-data">
    <dt>${v.documentNumber}</dt><dd>${doc.documentNumber}</dd>
    <dt>${d.main.holder}</dt><dd>${holderName(doc)}</dd>
    <dt>${v.issuingState}</dt><dd>${countryName(doc.issuingState, lang)}</dd>
    <dt>${v.nationality}</dt><dd>${countryName(doc.nationality, lang)}</dd>
    <dt>${v.birthDate}</dt><dd>${doc.birthDate ?? ''}</dd>
    <dt>${v.expiryDate}</dt><dd>${doc.expiryDate ?? ''}</dd>
    <dt>${v.classification}</dt><dd>${classification}</dd>
    <dt>${d.main.status}</dt><dd>${doc.status === 'EXPIRED' ? d.main.statusExpired : d.main.statusValid}</dd>
  </dl>`;
}

function servicesView(d: Dictionary, doc: RegisteredDocument, services: Service[]): SafeHtml {
  const s = d.services;
  const preRegistro = services.some((service) => service.code === 'PRE_REGISTRO');
  return html`<section aria-labelledby="documento-datos-titulo">
      <h2 id="documento-datos-titulo">${s.documentTitle}</h2>
      ${documentData(d, doc)}
    </section>
    <section aria-labelledby="servicios-titulo">
      <h2 id="servicios-titulo">${s.servicesTitle}</h2>
      ${preRegistro
        ? html`<div class="notice notice-info" data-testid="precheck-text">
              ${icon('alert')}
              <div><p class="warning-title">${s.notNeededTitle}</p><p>${s.notNeeded}</p><p>${s.recommend24}</p></div>
            </div>
            <a class="service-card card-link" href="${href(paths.preregistrationStart, doc.id)}" id="servicio-preregistro"
              data-testid="service-pre-registro">
              ${icon('form', 'icon icon-large')}
              <span><span class="card-link-title">${s.preRegistro}</span><span class="card-link-text">${s.preRegistroText}</span></span>
            </a>`
        : html`<p class="notice notice-info" data-testid="no-services">${s.none}</p>`}
    </section>`;
}

export const servicesPage: Route = {
  path: paths.services,
  sectionIsInput: true,
  title: (d) => d.services.title,
  render: (d) => html`<div class="container page">
      <div class="page-header">
        <h1 tabindex="-1">${d.services.title}</h1>
        <p class="lead">${d.services.lead}</p>
      </div>
      <p><a href="${href(paths.main)}" data-testid="back-to-documents">${d.services.back}</a></p>
      <div id="servicios" aria-live="polite">${loadingView(d)}</div>
    </div>`,
  mounted(root, context) {
    const box = root.querySelector<HTMLElement>('#servicios')!;
    const id = encodeURIComponent(context.section);
    void Promise.all([api.get<RegisteredDocument>(`/api/documents/${id}`), api.get<unknown>(`/api/documents/${id}/services`)])
      .then(([doc, services]) => {
        if (!box.isConnected) return;
        const d = t();
        if (!context.section) mount(box, html`<p class="notice notice-error" role="alert">${d.services.notFound}</p>`);
        else if (!doc.ok) mount(box, failureView(d, doc, d.services.notFound));
        else mount(box, servicesView(d, doc.data, services.ok ? asList<Service>(services.data) : []));
      });
  },
};
