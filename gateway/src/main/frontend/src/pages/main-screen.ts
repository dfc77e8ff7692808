import { api } from '../api';
import { ask } from '../components/dialog';
import { setAlert } from '../components/form-errors';
import { countryName, holderName, type RegisteredDocument } from '../documents';
import { fill } from '../format';
import { html, mount, type SafeHtml } from '../html';
import { language, t, type Dictionary } from '../i18n';
import { icon } from '../icons';
import { paths } from '../paths';
import { href, type Route } from '../router';
import { asList, failureView, loadingView } from './signed-in';

/**
 * The signed-in main screen (R-DOC-1): Ir al inicio, REGISTRAR DOCUMENTOS, Documentos registrados
 * with their status (Vigente / Vencido), the delete icon (R-DOC-9: refused with the server's reason
 * while a service record exists) and INICIAR SERVICIOS per document (not for expired ones, R-DOC-10).
 */
function statusLabel(d: Dictionary, status: string): string {
  return status === 'EXPIRED' ? d.main.statusExpired : d.main.statusValid;
}

function documentsTable(d: Dictionary, documents: RegisteredDocument[]): SafeHtml {
  const m = d.main;
  if (documents.length === 0) return html`<p class="empty" data-testid="documents-empty">${m.documentsEmpty}</p>`;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="documentos-titulo">
    <table class="data-table" data-testid="documents-table">
      <thead><tr><th scope="col">${m.number}</th><th scope="col">${m.holder}</th><th scope="col">${m.nationality}</th>
        <th scope="col">${m.expiry}</th><th scope="col">${m.status}</th><th scope="col">${m.actions}</th></tr></thead>
      <tbody>
        ${documents.map((doc) => {
          const expired = doc.status === 'EXPIRED';
          return html`<tr data-document-id="${doc.id}" data-testid="document-row">
            <th scope="row">${doc.documentNumber}</th>
            <td>${holderName(doc)}</td>
            <td>${countryName(doc.nationality, language())}</td>
            <td>${doc.expiryDate ?? ''}</td>
            <td><span class="status status-${expired ? 'expired' : 'valid'}" data-testid="document-status">${statusLabel(d, doc.status)}</span></td>
            <td class="row-actions">
              ${expired
                ? html`<span class="button button-small button-disabled" aria-disabled="true" title="${m.expiredNoServices}">${d.actions.startServices}</span>`
                : html`<a class="button button-primary button-small" href="${href(paths.services, doc.id)}"
                    data-testid="start-services" id="iniciar-servicios-${doc.id}">${d.actions.startServices}</a>`}
              <button type="button" class="icon-button icon-danger" data-action="delete-document" data-id="${doc.id}"
                data-number="${doc.documentNumber}" data-testid="delete-document"
                aria-label="${m.delete} ${doc.documentNumber}" title="${m.delete}">${icon('trash')}</button>
            </td>
          </tr>`;
        })}
      </tbody>
    </table></div>`;
}

async function loadDocuments(box: HTMLElement): Promise<void> {
  const result = await api.get<unknown>('/api/documents');
  if (!box.isConnected) return;
  const d = t();
  mount(box, result.ok ? documentsTable(d, asList<RegisteredDocument>(result.data)) : failureView(d, result));
}

export const mainScreenPage: Route = {
  path: paths.main,
  title: (d) => d.main.title,
  render: (d) => {
    const m = d.main;
    return html`<div class="container page">
      <div class="page-header">
        <h1 tabindex="-1">${m.title}</h1>
        <p class="lead">${m.lead}</p>
      </div>
      <nav class="main-actions" aria-label="${m.title}">
        <a class="button button-secondary" href="${href(paths.home)}" data-testid="go-home">${m.goHome}</a>
        <a class="button button-primary" href="${href(paths.registerDocument)}" id="registrar-documentos"
          data-testid="register-documents">${icon('passport')} ${d.actions.registerDocuments}</a>
        <a class="button button-secondary" href="${href(paths.history)}" data-testid="history-link">${icon('history')} ${m.historyLink}</a>
      </nav>
      <section aria-labelledby="documentos-titulo" class="page-section">
        <h2 id="documentos-titulo">${m.documentsTitle}</h2>
        <div class="form-alert" id="documentos-aviso" role="alert" tabindex="-1" hidden></div>
        <p class="notice notice-success" id="documentos-exito" role="status" hidden></p>
        <div id="documentos-lista" aria-live="polite">${loadingView(d)}</div>
      </section>
    </div>`;
  },
  mounted(root) {
    const box = root.querySelector<HTMLElement>('#documentos-lista')!;
    const alert = root.querySelector<HTMLElement>('#documentos-aviso');
    const success = root.querySelector<HTMLElement>('#documentos-exito');
    void loadDocuments(box);
    box.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('[data-action="delete-document"]');
      if (!button) return;
      void (async () => {
        const d = t();
        const id = button.dataset['id'] ?? '';
        if (!(await ask(fill(d.main.confirmDelete, { number: button.dataset['number'] ?? '' }), { cancelLabel: d.common.cancel }))) return;
        setAlert(alert, null);
        if (success) success.hidden = true;
        const result = await api.delete<unknown>(`/api/documents/${encodeURIComponent(id)}`);
        if (!box.isConnected) return;
        if (result.ok) {
          if (success) {
            success.textContent = d.main.deleted;
            success.hidden = false;
          }
          await loadDocuments(box);
          return;
        }
        const reason = result.status === 409 ? result.problem.detail || result.problem.title || d.main.deleteRefused : result.problem.title;
        setAlert(alert, reason, true);
      })();
    });
  },
};
