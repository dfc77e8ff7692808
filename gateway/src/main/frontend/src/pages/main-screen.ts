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
 * A deletion is answered at once and completed when the pre-registrations withdraw the document (or
 * cancelled, when a submission came first): the screen follows it for a while and says how it ended.
 */
function statusLabel(d: Dictionary, doc: RegisteredDocument): string {
  if (doc.deleting) return d.main.statusDeleting;
  return doc.status === 'EXPIRED' ? d.main.statusExpired : d.main.statusValid;
}

/** How long the screen follows a deletion before it leaves it to the next visit. */
const DELETION_CHECKS = 15;
const DELETION_CHECK_MS = 1000;

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
          const deleting = doc.deleting === true;
          const startServices = expired || deleting
            ? html`<span class="button button-small button-disabled" aria-disabled="true"
                title="${deleting ? m.deleting : m.expiredNoServices}">${d.actions.startServices}</span>`
            : html`<a class="button button-primary button-small" href="${href(paths.services, doc.id)}"
                data-testid="start-services" id="iniciar-servicios-${doc.id}">${d.actions.startServices}</a>`;
          const deleteButton = deleting
            ? ''
            : html`<button type="button" class="icon-button icon-danger" data-action="delete-document" data-id="${doc.id}"
                data-number="${doc.documentNumber}" data-testid="delete-document"
                aria-label="${m.delete} ${doc.documentNumber}" title="${m.delete}">${icon('trash')}</button>`;
          return html`<tr data-document-id="${doc.id}" data-testid="document-row">
            <th scope="row">${doc.documentNumber}</th>
            <td>${holderName(doc)}</td>
            <td>${countryName(doc.nationality, language())}</td>
            <td>${doc.expiryDate ?? ''}</td>
            <td><span class="status status-${expired || deleting ? 'expired' : 'valid'}" data-testid="document-status">${statusLabel(d, doc)}</span></td>
            <td class="row-actions">${startServices}${deleteButton}</td>
          </tr>`;
        })}
      </tbody>
    </table></div>`;
}

/** Shows the account's documents; returns them, or null when they could not be read. */
async function loadDocuments(box: HTMLElement): Promise<RegisteredDocument[] | null> {
  const result = await api.get<unknown>('/api/documents');
  if (!box.isConnected) return null;
  const d = t();
  const documents = result.ok ? asList<RegisteredDocument>(result.data) : null;
  mount(box, documents ? documentsTable(d, documents) : failureView(d, result));
  return documents;
}

type DeletionOutcome = 'deleted' | 'refused' | 'pending';

/** Follows a deletion asked for until the document is gone, stays in use, or the checks run out. */
async function followDeletion(box: HTMLElement, id: string): Promise<DeletionOutcome> {
  for (let check = 0; check < DELETION_CHECKS; check++) {
    const documents = await loadDocuments(box);
    const doc = documents?.find((candidate) => candidate.id === id);
    if (documents && !doc) return 'deleted';
    if (doc && !doc.deleting) return 'refused';
    if (!box.isConnected) return 'pending';
    await new Promise((resolve) => setTimeout(resolve, DELETION_CHECK_MS));
  }
  return 'pending';
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
          const show = (text: string): void => {
            if (!success) return;
            success.textContent = text;
            success.hidden = false;
          };
          show(d.main.deleting);
          const outcome = await followDeletion(box, id);
          if (!box.isConnected) return;
          if (outcome === 'refused') {
            if (success) success.hidden = true;
            setAlert(alert, d.main.deleteRefused, true);
          } else {
            show(outcome === 'deleted' ? d.main.deleted : d.main.deletePending);
          }
          return;
        }
        const reason = result.status === 409 ? result.problem.detail || result.problem.title || d.main.deleteRefused : result.problem.title;
        setAlert(alert, reason, true);
      })();
    });
  },
};
