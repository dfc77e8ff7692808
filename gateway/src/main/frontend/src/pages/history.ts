import { api } from '../api';
import { textField } from '../components/fields';
import { clearFields, focusFirstInvalid, markField, setAlert, showServerErrors } from '../components/form-errors';
import { addToIsoDate, fill, isIsoDate, isoToday } from '../format';
import { html, mount, type SafeHtml } from '../html';
import { t, type Dictionary } from '../i18n';
import { icon } from '../icons';
import { paths } from '../paths';
import { href, type Route } from '../router';
import { asList, failureView, loadingView } from './signed-in';

/**
 * Historial de Registros (R-PRE-11, R-FMM-2, R-FMM-3): every pre-registration with its status (Correcto,
 * No cumple, Cancelado, No disponible, Borrador); for approved ones the QR receipt and the FMME as PDF
 * links, Modificar (reschedule: the flight data again, re-decided by the server) and, when delivery
 * failed, the red icon that asks for both e-mails again. Once the entry date passed the icons are shown
 * as not available.
 */
interface Entry {
  id: string;
  documentId?: string;
  entryDate?: string;
  flightNumber?: string;
  status: string;
  deliveryFailed?: boolean;
}

const ID = 'historial';

function unavailable(d: Dictionary): SafeHtml {
  return html`<span class="icon-unavailable" title="${d.history.notAvailableIcon}">${icon('ban')}<span>${d.common.notAvailable}</span></span>`;
}

function row(d: Dictionary, entry: Entry): SafeHtml {
  const h = d.history;
  const flight = entry.flightNumber ?? '';
  const status = (h.statuses as Record<string, string>)[entry.status] ?? entry.status;
  const id = encodeURIComponent(entry.id);
  const approved = entry.status === 'APPROVED';
  const gone = entry.status === 'NOT_AVAILABLE';
  const qr = approved
    ? html`<a class="icon-button" href="/api/fmme/${id}/qr.pdf" target="_blank" rel="noopener" data-testid="download-qr"
        aria-label="${fill(h.downloadQr, { flight })}" title="${fill(h.downloadQr, { flight })}">${icon('qr')}</a>
      ${entry.deliveryFailed
        ? html`<button type="button" class="icon-button icon-danger" data-action="recover" data-id="${entry.id}" data-testid="recover-fmme"
            aria-label="${fill(h.recover, { flight })}" title="${fill(h.recover, { flight })}">${icon('refresh')}</button>`
        : ''}`
    : gone ? unavailable(d) : html`<span aria-hidden="true">—</span>`;
  const fmme = approved
    ? html`<a class="icon-button" href="/api/fmme/${id}/fmme.pdf" target="_blank" rel="noopener" data-testid="download-fmme"
        aria-label="${fill(h.downloadFmme, { flight })}" title="${fill(h.downloadFmme, { flight })}">${icon('download')}</a>`
    : gone ? unavailable(d) : html`<span aria-hidden="true">—</span>`;
  const modify = approved
    ? html`<button type="button" class="icon-button" data-action="reschedule" data-id="${entry.id}" data-testid="reschedule"
        aria-label="${fill(h.modifyLabel, { flight })}" title="${fill(h.modifyLabel, { flight })}">${icon('edit')}</button>`
    : entry.status === 'DRAFT'
      ? html`<a class="button button-small button-secondary" href="${href(paths.preregistrationWizard, entry.id)}" data-testid="continue-draft">${h.continueDraft}</a>`
      : gone ? unavailable(d) : html`<span aria-hidden="true">—</span>`;
  return html`<tr data-testid="history-row" data-id="${entry.id}" data-status="${entry.status}">
    <td>${entry.entryDate ?? ''}</td>
    <th scope="row">${flight}</th>
    <td><span class="status status-${entry.status.toLowerCase()}" data-testid="history-status">${status}</span>
      ${entry.deliveryFailed && approved ? html`<p class="field-error" data-testid="delivery-failed">${h.recoverNote}</p>` : ''}</td>
    <td>${qr}</td>
    <td>${fmme}</td>
    <td>${modify}</td>
  </tr>`;
}

function table(d: Dictionary, entries: Entry[]): SafeHtml {
  const h = d.history;
  if (entries.length === 0) return html`<p class="empty" data-testid="history-empty">${h.empty}</p>`;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${ID}-titulo">
    <table class="data-table" data-testid="history-table">
      <thead><tr><th scope="col">${h.entryDate}</th><th scope="col">${h.flight}</th><th scope="col">${h.status}</th>
        <th scope="col">${h.qr}</th><th scope="col">${h.fmme}</th><th scope="col">${h.modify}</th></tr></thead>
      <tbody>${entries.map((entry) => row(d, entry))}</tbody>
    </table></div>`;
}

function rescheduleDialog(d: Dictionary): SafeHtml {
  const h = d.history;
  const f = d.prereg.fields;
  return html`<dialog class="modal" id="${ID}-modificar" aria-labelledby="${ID}-modificar-titulo" data-testid="reschedule-dialog">
    <form class="form" id="${ID}-modificar-form" novalidate>
      <h2 id="${ID}-modificar-titulo">${h.rescheduleTitle}</h2>
      <p>${h.rescheduleText}</p>
      <div class="form-alert" id="${ID}-modificar-aviso" role="alert" tabindex="-1" hidden></div>
      ${textField(d, { id: `${ID}-entryDate`, name: 'entryDate', label: f.entryDate, type: 'date', required: true })}
      ${textField(d, { id: `${ID}-exitDate`, name: 'exitDate', label: f.exitDate, type: 'date', required: true })}
      ${textField(d, { id: `${ID}-airline`, name: 'airline', label: f.airline, required: true, maxlength: 80 })}
      ${textField(d, { id: `${ID}-flightNumber`, name: 'flightNumber', label: f.flightNumber, required: true, maxlength: 8 })}
      <div class="form-actions">
        <button type="submit" class="button button-primary" data-testid="reschedule-save">${h.save}</button>
        <button type="button" class="button" data-action="close-reschedule">${d.common.cancel}</button>
      </div>
    </form>
  </dialog>`;
}

export const historyPage: Route = {
  path: paths.history,
  title: (d) => d.history.title,
  render: (d) => html`<div class="container page">
      <div class="page-header">
        <h1 id="${ID}-titulo" tabindex="-1">${d.history.title}</h1>
        <p class="lead">${d.history.lead}</p>
      </div>
      <p><a href="${href(paths.main)}">${d.main.documentsTitle}</a></p>
      <div class="form-alert" id="${ID}-aviso" role="alert" tabindex="-1" hidden></div>
      <p class="notice notice-success" id="${ID}-exito" data-testid="history-message" role="status" tabindex="-1" hidden></p>
      <div id="${ID}-lista">${loadingView(d)}</div>
      ${rescheduleDialog(d)}
    </div>`,
  mounted(root) {
    new History(root).start();
  },
};

class History {
  private readonly list: HTMLElement;
  private readonly dialog: HTMLDialogElement;
  private readonly dialogForm: HTMLFormElement;
  private rescheduling: { id: string; button: HTMLElement } | null = null;

  constructor(private readonly root: HTMLElement) {
    this.list = root.querySelector<HTMLElement>(`#${ID}-lista`)!;
    this.dialog = root.querySelector<HTMLDialogElement>(`#${ID}-modificar`)!;
    this.dialogForm = root.querySelector<HTMLFormElement>(`#${ID}-modificar-form`)!;
  }

  start(): void {
    void this.load();
    this.list.addEventListener('click', (event) => {
      const target = event.target as Element;
      const recover = target.closest<HTMLButtonElement>('[data-action="recover"]');
      if (recover) void this.recover(recover);
      const reschedule = target.closest<HTMLButtonElement>('[data-action="reschedule"]');
      if (reschedule) this.openReschedule(reschedule);
    });
    this.dialogForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.reschedule();
    });
    this.dialog.querySelector('[data-action="close-reschedule"]')?.addEventListener('click', () => this.closeReschedule());
    this.dialog.addEventListener('close', () => this.rescheduling?.button.focus());
  }

  private async load(): Promise<void> {
    const result = await api.get<unknown>('/api/preregistrations');
    if (!this.list.isConnected) return;
    const d = t();
    mount(this.list, result.ok ? table(d, asList<Entry>(result.data)) : failureView(d, result));
  }

  private message(text: string | null): void {
    const box = this.root.querySelector<HTMLElement>(`#${ID}-exito`)!;
    box.textContent = text ?? '';
    box.hidden = !text;
    if (text) box.focus();
  }

  /** R-FMM-3: the red icon asks for both e-mails again. */
  private async recover(button: HTMLButtonElement): Promise<void> {
    const d = t();
    setAlert(this.root.querySelector(`#${ID}-aviso`), null);
    this.message(null);
    button.setAttribute('aria-disabled', 'true');
    const result = await api.post<unknown>(`/api/preregistrations/${encodeURIComponent(button.dataset['id'] ?? '')}/recovery`, {});
    button.removeAttribute('aria-disabled');
    if (!this.root.isConnected) return;
    if (result.ok) this.message(d.history.recovered);
    else setAlert(this.root.querySelector(`#${ID}-aviso`), [result.problem.title, result.problem.detail].filter(Boolean).join(' '), true);
  }

  private openReschedule(button: HTMLButtonElement): void {
    this.rescheduling = { id: button.dataset['id'] ?? '', button };
    this.dialogForm.reset();
    clearFields(this.dialogForm);
    setAlert(this.dialogForm.querySelector(`#${ID}-modificar-aviso`), null);
    this.message(null);
    this.dialog.showModal();
    this.dialogForm.querySelector<HTMLInputElement>('input')?.focus();
  }

  private closeReschedule(): void {
    this.dialog.close();
  }

  private value(name: string): string {
    return this.dialogForm.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value.trim() ?? '';
  }

  private async reschedule(): Promise<void> {
    if (!this.rescheduling) return;
    const d = t();
    const e = d.prereg.errors;
    const body = { entryDate: this.value('entryDate'), exitDate: this.value('exitDate'), airline: this.value('airline'),
      flightNumber: this.value('flightNumber') };
    const errors: Record<string, string | null> = {
      entryDate: !body.entryDate ? e.required : !isIsoDate(body.entryDate) ? e.date : body.entryDate < isoToday() ? e.entryPast : null,
      exitDate: !body.exitDate ? e.required : !isIsoDate(body.exitDate) ? e.date
        : isIsoDate(body.entryDate) && body.exitDate <= body.entryDate ? e.exitBeforeEntry
          : isIsoDate(body.entryDate) && body.exitDate > addToIsoDate(body.entryDate, 180) ? e.exitTooLate : null,
      airline: body.airline ? null : e.required,
      flightNumber: body.flightNumber ? null : e.required,
    };
    Object.entries(errors).forEach(([name, error]) => markField(this.dialogForm, name, error));
    const alert = this.dialogForm.querySelector<HTMLElement>(`#${ID}-modificar-aviso`);
    if (Object.values(errors).some((error) => error !== null)) {
      setAlert(alert, d.form.fixErrors);
      focusFirstInvalid(this.dialogForm);
      return;
    }
    const result = await api.post<{ status?: string }>(`/api/preregistrations/${encodeURIComponent(this.rescheduling.id)}/reschedule`, body);
    if (!this.dialog.isConnected) return;
    if (!result.ok) {
      const unplaced = showServerErrors(this.dialogForm, result.problem.errors);
      const placed = result.problem.errors.length > unplaced.length;
      setAlert(alert, placed && unplaced.length === 0 ? d.form.fixErrors
        : [result.problem.title, result.problem.detail, ...unplaced].filter(Boolean).join(' '), !placed);
      if (placed) focusFirstInvalid(this.dialogForm);
      return;
    }
    this.dialog.close();
    const decision = result.data?.status;
    this.message(decision && decision !== 'APPROVED' ? `${d.history.rescheduled} ${d.prereg.rejected}` : d.history.rescheduled);
    await this.load();
  }
}
