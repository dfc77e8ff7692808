import { api, type ApiResult } from '../api';
import { requiredMark, textField } from '../components/fields';
import { checkFile } from '../components/files';
import { focusFirstInvalid, markField, setAlert, showServerErrors } from '../components/form-errors';
import { sortedCountries } from '../countries';
import { addToIsoDate, fill, isIsoDate, isoToday } from '../format';
import { html, mount, type SafeHtml } from '../html';
import { language, t, type Dictionary } from '../i18n';
import { icon } from '../icons';
import { paths } from '../paths';
import {
  ADDITIONAL_FIELDS,
  TRAVEL_FIELDS,
  readDraft,
  readFormDefinition,
  type Draft,
  type FormDefinition,
  type Option,
  type Slot,
  type WizardField,
} from '../preregistration';
import { href, type Route } from '../router';
import { blockedMessage } from './preregistration-start';
import { failureView, loadingView } from './signed-in';

/**
 * The pre-registration wizard (R-PRE-3..6, R-PRE-12) over the server's draft: Información del Viaje,
 * Información Adicional, Control Migratorio and Terminar Registro, each saved with SIGUIENTE (`PUT` of
 * its part; the server's field errors are shown on the fields) and left with ANTERIOR. A reload reads
 * the draft again and resumes at the first step not yet saved. Terminar Registro uploads each attachment
 * on its own (icon: not uploaded / selected), asks for the terms and sends with ENVIAR INFORMACIÓN;
 * the decision is shown only as the server gave it (approved, or "No Cumple"), and a 409 RETRY_BLOCKED
 * says when a new attempt is possible.
 */
const ID = 'asistente';
const STEPS = 4;
const EXIT_LIMIT_DAYS = 180;

type Step = 0 | 1 | 2 | 3;

function firstOpenStep(draft: Draft, definition: FormDefinition): Step {
  if (!draft.travel) return 0;
  if (!draft.additional) return 1;
  if (definition.questions.length > 0 && !draft.answers) return 2;
  return 3;
}

function inputFor(d: Dictionary, name: WizardField, catalogue: Option[] | null, value: string, hint?: string): SafeHtml {
  const label = d.prereg.fields[name];
  const fieldId = `${ID}-${name}`;
  if (name === 'entryDate' || name === 'exitDate') {
    return textField(d, { id: fieldId, name, label, type: 'date', required: true, hint: hint ?? '',
      extraAttributes: html`value="${value}" min="${isoToday()}"` });
  }
  const list = catalogue ?? (name === 'originCountry'
    ? sortedCountries(language()).map((c) => ({ value: c.code, label: c[language()] }))
    : name === 'lodgingType'
      ? Object.entries(d.prereg.lodgingTypes).map(([code, text]) => ({ value: code, label: text }))
      : null);
  if (list) {
    const known = list.some((o) => o.value === value);
    return html`<div class="field" data-field="${name}">
      <label for="${fieldId}">${label}${requiredMark(d)}</label>
      <div class="input-plain"><select id="${fieldId}" name="${name}" required aria-describedby="${fieldId}-error">
        <option value="">${d.validate.select}</option>
        ${value && !known ? html`<option value="${value}" selected>${value}</option>` : ''}
        ${list.map((o) => html`<option value="${o.value}" ${o.value === value ? html`selected` : ''}>${o.label}</option>`)}
      </select></div>
      <p class="field-error" id="${fieldId}-error" hidden></p>
    </div>`;
  }
  const types: Partial<Record<WizardField, { max: number; autocomplete: string; inputmode?: string }>> = {
    arrivalAirport: { max: 3, autocomplete: 'off' },
    flightNumber: { max: 8, autocomplete: 'off' },
    postalCode: { max: 5, autocomplete: 'postal-code', inputmode: 'numeric' },
    phone: { max: 20, autocomplete: 'tel', inputmode: 'tel' },
  };
  const options = types[name] ?? { max: 120, autocomplete: 'off' };
  return textField(d, { id: fieldId, name, label, required: true, maxlength: options.max, autocomplete: options.autocomplete,
    hint: hint ?? '', extraAttributes: html`value="${value}" ${options.inputmode ? html`inputmode="${options.inputmode}"` : ''}` });
}

function slotLabel(d: Dictionary, slot: Slot): string {
  const known = (d.prereg.slots as Record<string, string>)[slot.code];
  return slot.label || known || slot.code;
}

export const preregistrationWizardPage: Route = {
  path: paths.preregistrationWizard,
  sectionIsInput: true,
  title: (d) => d.prereg.title,
  render: (d) => html`<div class="container page page-narrow">
      <div class="page-header"><h1 tabindex="-1">${d.prereg.title}</h1></div>
      <div id="${ID}" aria-live="polite">${loadingView(d)}</div>
    </div>`,
  mounted(root, context) {
    const box = root.querySelector<HTMLElement>(`#${ID}`)!;
    const id = encodeURIComponent(context.section);
    void Promise.all([api.get<unknown>(`/api/preregistrations/${id}`), api.get<unknown>('/api/preregistrations/form')])
      .then(([draft, form]) => {
        if (!box.isConnected) return;
        const d = t();
        if (!draft.ok) {
          mount(box, failureView(d, draft, d.prereg.notFound));
          return;
        }
        if (!form.ok) {
          mount(box, failureView(d, form, d.prereg.formUnavailable));
          return;
        }
        box.removeAttribute('aria-live');
        new Wizard(box, readDraft(draft.data), readFormDefinition(form.data, language())).start();
      });
  },
};

class Wizard {
  private step: Step = 0;
  private busy = false;
  private termsAccepted = false;

  constructor(
    private readonly box: HTMLElement,
    private readonly draft: Draft,
    private readonly definition: FormDefinition,
  ) {}

  start(): void {
    if (this.draft.status !== 'DRAFT') {
      this.showStatus();
      return;
    }
    this.step = firstOpenStep(this.draft, this.definition);
    this.render(false);
  }

  private d(): Dictionary {
    return t();
  }

  private form(): HTMLFormElement {
    return this.box.querySelector<HTMLFormElement>(`#${ID}-form`)!;
  }

  /** A pre-registration that was already sent: its status and the way to the history. */
  private showStatus(): void {
    const d = this.d();
    const status = (d.history.statuses as Record<string, string>)[this.draft.status] ?? this.draft.status;
    mount(this.box, html`<p class="notice notice-info" data-testid="preregistration-status">${d.history.status}: ${status}</p>
      <p><a class="button button-secondary" href="${href(paths.history)}">${d.prereg.goHistory}</a></p>`);
  }

  private render(focus: boolean): void {
    const d = this.d();
    const p = d.prereg;
    const step = this.step;
    mount(this.box, html`
      <ol class="stepper" aria-label="${fill(p.stepOf, { n: step + 1, total: STEPS })}" data-testid="wizard-steps">
        ${p.steps.map((name, i) => html`<li class="${i < step ? 'done' : ''}" ${i === step ? html`aria-current="step"` : ''}>${name}</li>`)}
      </ol>
      <form class="form" id="${ID}-form" novalidate aria-labelledby="${ID}-titulo" data-step="${step}" data-testid="wizard-form">
        <h2 id="${ID}-titulo" tabindex="-1">${p.steps[step]}</h2>
        <p class="field-hint">${fill(p.stepOf, { n: step + 1, total: STEPS })}</p>
        <p class="required-note"><span class="required" aria-hidden="true">*</span> ${p.colouring}</p>
        <div class="form-alert" id="${ID}-aviso" role="alert" tabindex="-1" data-testid="wizard-alert" hidden></div>
        ${this.stepBody(d)}
        <div class="form-actions">
          ${step > 0 ? html`<button type="button" class="button" data-action="previous" data-testid="wizard-previous">${p.previous}</button>` : ''}
          <button type="submit" class="button button-primary" data-testid="${step === 3 ? 'send-information' : 'wizard-next'}">
            ${step === 3 ? d.actions.sendInformation : d.actions.next}</button>
          <p class="form-busy" id="${ID}-ocupado" role="status"></p>
        </div>
      </form>`);
    const form = this.form();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.next();
    });
    form.querySelector('[data-action="previous"]')?.addEventListener('click', () => this.previous());
    form.addEventListener('change', (event) => this.changed(event.target as HTMLInputElement));
    // A field already marked is re-checked as it is typed: its message goes before focus leaves it.
    form.addEventListener('input', (event) => {
      const name = (event.target as HTMLInputElement).name;
      const wrapper = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
      if (this.step <= 1 && wrapper?.matches('.is-invalid, .is-valid') && (this.fields() as readonly string[]).includes(name)) {
        markField(form, name, this.check(name as WizardField));
      }
    });
    if (step === 0) this.updateEntryWarning();
    if (step === 3) this.wireSlots();
    if (focus) form.querySelector<HTMLElement>(`#${ID}-titulo`)?.focus();
  }

  private stepBody(d: Dictionary): SafeHtml {
    const p = d.prereg;
    if (this.step === 0) {
      const travel = this.draft.travel ?? {};
      return html`<p class="notice notice-info">${p.ticketHint}</p>
        <div class="field-pair">
          ${inputFor(d, 'entryDate', null, travel.entryDate ?? '')}
          ${inputFor(d, 'exitDate', null, travel.exitDate ?? '', this.draft.variant === 'NO_NUE' ? p.exitLimit : undefined)}
        </div>
        <p class="warning" id="${ID}-aviso-24" data-testid="warning-24h" role="status" hidden>${p.warning24}</p>
        ${TRAVEL_FIELDS.filter((f) => f !== 'entryDate' && f !== 'exitDate')
          .map((f) => inputFor(d, f, this.definition.catalogue(f), travel[f] ?? ''))}`;
    }
    if (this.step === 1) {
      const additional = this.draft.additional ?? {};
      return html`${ADDITIONAL_FIELDS.map((f) => inputFor(d, f, this.definition.catalogue(f), additional[f] ?? ''))}`;
    }
    if (this.step === 2) {
      const answers = this.draft.answers ?? {};
      return html`<p>${p.controlLead}</p>
        ${this.definition.questions.map((q, i) => {
          const name = `q-${q.id}`;
          const answer = answers[q.id];
          return html`<fieldset class="field field-group" data-field="${name}" data-question="${q.id}" aria-describedby="${ID}-${name}-error">
            <legend>${i + 1}. ${q.text}${requiredMark(d)}</legend>
            <div class="choices">
              <label class="choice"><input type="radio" name="${name}" value="true" data-testid="answer-${q.id}-yes" ${answer === true ? html`checked` : ''} /> <span>${d.common.yes}</span></label>
              <label class="choice"><input type="radio" name="${name}" value="false" data-testid="answer-${q.id}-no" ${answer === false ? html`checked` : ''} /> <span>${d.common.no}</span></label>
            </div>
            <p class="field-error" id="${ID}-${name}-error" hidden></p>
          </fieldset>`;
        })}`;
    }
    const slots = this.definition.slots(this.draft.variant);
    const nueHints = this.draft.variant === 'NUE' ? (p.slotHintsNue as Record<string, string>) : {};
    return html`<p>${p.attachmentsLead}</p>
      <p class="field-hint" id="${ID}-formatos">${p.attachmentFormats}</p>
      <ul class="slots" data-testid="attachment-slots">
        ${slots.map((slot) => {
          const uploaded = this.draft.attachments.has(slot.code);
          const label = slotLabel(d, slot);
          return html`<li class="slot field" data-field="slot-${slot.code}" data-slot="${slot.code}" data-testid="slot-${slot.code}">
            <span class="slot-state" data-state="${uploaded ? 'selected' : 'missing'}" data-testid="slot-state">
              ${icon(uploaded ? 'fileCheck' : 'fileMissing')}<span>${uploaded ? p.slotSelected : p.slotMissing}</span></span>
            <span class="slot-name">${label}${nueHints[slot.code] ? html`<span class="field-hint"> — ${nueHints[slot.code]}</span>` : ''}</span>
            <button type="button" class="icon-button" data-action="choose-file" aria-label="${fill(p.slotChoose, { slot: label })}"
              title="${fill(p.slotChoose, { slot: label })}">${icon('paperclip')}</button>
            <input type="file" class="file-input-hidden" tabindex="-1" name="slot-${slot.code}" data-testid="slot-file-${slot.code}"
              accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg" aria-label="${label}" aria-describedby="${ID}-formatos ${ID}-slot-${slot.code}-error" />
            <p class="field-error" id="${ID}-slot-${slot.code}-error" hidden></p>
          </li>`;
        })}
      </ul>
      <section aria-labelledby="${ID}-terminos">
        <h3 id="${ID}-terminos">${p.termsTitle}</h3>
        <div class="terms" tabindex="0" role="region" aria-labelledby="${ID}-terminos">${p.terms.map((term) => html`<p>${term}</p>`)}</div>
      </section>
      <div class="field field-check" data-field="termsAccepted">
        <div class="check">
          <input type="checkbox" id="${ID}-terms" name="termsAccepted" data-testid="terms-accepted" ${this.termsAccepted ? html`checked` : ''}
            aria-describedby="${ID}-terms-error" />
          <label for="${ID}-terms">${p.termsAccept}${requiredMark(d)}</label>
        </div>
        <p class="field-error" id="${ID}-terms-error" hidden></p>
      </div>`;
  }

  private fields(): readonly WizardField[] {
    return this.step === 0 ? TRAVEL_FIELDS : ADDITIONAL_FIELDS;
  }

  private value(name: string): string {
    const control = this.form().querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
    return control?.value.trim() ?? '';
  }

  /** The client's checks of one field of the travel or additional step; `null` when valid. */
  private check(name: WizardField): string | null {
    const e = this.d().prereg.errors;
    const value = this.value(name);
    if (!value) return e.required;
    if (name === 'entryDate') {
      if (!isIsoDate(value)) return e.date;
      return value < isoToday() ? e.entryPast : null;
    }
    if (name === 'exitDate') {
      if (!isIsoDate(value)) return e.date;
      const entry = this.value('entryDate');
      if (isIsoDate(entry) && value <= entry) return e.exitBeforeEntry;
      if (isIsoDate(entry) && this.draft.variant === 'NO_NUE' && value > addToIsoDate(entry, EXIT_LIMIT_DAYS)) return e.exitTooLate;
    }
    return null;
  }

  private changed(target: HTMLInputElement): void {
    const form = this.form();
    if (this.step <= 1 && (this.fields() as readonly string[]).includes(target.name)) {
      markField(form, target.name, this.check(target.name as WizardField));
      if (target.name === 'entryDate') {
        this.updateEntryWarning();
        if (this.value('exitDate')) markField(form, 'exitDate', this.check('exitDate'));
      }
    }
    if (this.step === 2 && target.name.startsWith('q-')) markField(form, target.name, null);
    if (this.step === 3 && target.name === 'termsAccepted') {
      this.termsAccepted = target.checked;
      markField(form, 'termsAccepted', target.checked ? null : this.d().prereg.termsRequired);
    }
    if (this.step === 3 && target.name.startsWith('slot-') && target.type === 'file') {
      const file = target.files?.[0];
      target.value = '';
      if (file) void this.upload(target.name.slice('slot-'.length), file);
    }
  }

  /** R-PRE-6: a warning, not a block, when the entry is less than 24 hours away. */
  private updateEntryWarning(): void {
    const warning = this.form().querySelector<HTMLElement>(`#${ID}-aviso-24`);
    const entry = this.value('entryDate');
    if (warning) warning.hidden = !(isIsoDate(entry) && entry >= isoToday() && entry <= addToIsoDate(isoToday(), 1));
  }

  private wireSlots(): void {
    this.form().querySelectorAll<HTMLButtonElement>('[data-action="choose-file"]').forEach((button) => {
      button.addEventListener('click', () => button.parentElement?.querySelector<HTMLInputElement>('input[type="file"]')?.click());
    });
  }

  private async upload(slot: string, file: File): Promise<void> {
    const d = this.d();
    const form = this.form();
    const name = `slot-${slot}`;
    const refusal = await checkFile(file, ['pdf', 'png', 'jpeg']);
    if (refusal) {
      markField(form, name, refusal === 'type' ? d.prereg.slotWrongType : d.prereg.slotTooLarge);
      return;
    }
    const body = new FormData();
    body.append('file', file, file.name);
    const busy = form.querySelector<HTMLElement>(`#${ID}-ocupado`)!;
    busy.textContent = d.prereg.slotUploading;
    const result = await api.upload<unknown>('PUT', `/api/preregistrations/${encodeURIComponent(this.draft.id)}/attachments/${slot}`, body);
    busy.textContent = '';
    if (!form.isConnected) return;
    if (!result.ok) {
      const messages = result.problem.errors.map((e) => e.message).filter(Boolean);
      markField(form, name, (messages.length > 0 ? messages : [result.problem.title]).join(' '));
      return;
    }
    this.draft.attachments.add(slot);
    markField(form, name, null);
    const state = form.querySelector<HTMLElement>(`[data-slot="${slot}"] .slot-state`);
    if (state) {
      state.dataset['state'] = 'selected';
      mount(state, html`${icon('fileCheck')}<span>${d.prereg.slotSelected}: ${file.name}</span>`);
    }
  }

  private previous(): void {
    if (this.step === 0) return;
    this.step = (this.step - 1) as Step;
    this.render(true);
  }

  private async next(): Promise<void> {
    if (this.busy) return;
    const d = this.d();
    const form = this.form();
    const alert = form.querySelector<HTMLElement>(`#${ID}-aviso`);
    let valid = true;
    let path = '';
    let body: unknown;
    if (this.step <= 1) {
      const values: Record<string, string> = {};
      for (const name of this.fields()) {
        const error = this.check(name);
        markField(form, name, error);
        if (error) valid = false;
        values[name] = this.value(name);
      }
      path = this.step === 0 ? 'travel' : 'additional';
      body = values;
    } else if (this.step === 2) {
      const answers: Record<string, boolean> = {};
      for (const q of this.definition.questions) {
        const checked = form.querySelector<HTMLInputElement>(`[name="q-${CSS.escape(q.id)}"]:checked`);
        markField(form, `q-${q.id}`, checked ? null : d.prereg.answerRequired);
        if (!checked) valid = false;
        else answers[q.id] = checked.value === 'true';
      }
      path = 'control';
      body = { answers };
    } else {
      for (const slot of this.definition.slots(this.draft.variant)) {
        const present = this.draft.attachments.has(slot.code);
        if (!present) {
          markField(form, `slot-${slot.code}`, d.prereg.slotRequired);
          valid = false;
        }
      }
      markField(form, 'termsAccepted', this.termsAccepted ? null : d.prereg.termsRequired);
      if (!this.termsAccepted) valid = false;
    }
    if (!valid) {
      setAlert(alert, d.form.fixErrors);
      focusFirstInvalid(form);
      return;
    }
    setAlert(alert, null);
    this.busy = true;
    const busy = form.querySelector<HTMLElement>(`#${ID}-ocupado`)!;
    busy.textContent = d.common.sending;
    const base = `/api/preregistrations/${encodeURIComponent(this.draft.id)}`;
    const result = this.step === 3
      ? await api.post<{ status: string; message?: string }>(`${base}/submit`, { termsAccepted: true })
      : await api.put<unknown>(`${base}/${path}`, body);
    this.busy = false;
    busy.textContent = '';
    if (!form.isConnected) return;
    if (!result.ok) {
      this.failed(result);
      return;
    }
    if (this.step === 3) {
      this.decided(result.data as { status: string; message?: string });
      return;
    }
    this.remember(body);
    this.step = (this.step + 1) as Step;
    this.render(true);
  }

  /** What a saved step sent becomes the draft's: ANTERIOR shows it again. */
  private remember(body: unknown): void {
    if (this.step === 0) this.draft.travel = body as Draft['travel'];
    else if (this.step === 1) this.draft.additional = body as Draft['additional'];
    else if (this.step === 2) this.draft.answers = (body as { answers: Record<string, boolean> }).answers;
  }

  private failed(result: ApiResult<unknown>): void {
    if (result.ok) return;
    const d = this.d();
    const form = this.form();
    const alert = form.querySelector<HTMLElement>(`#${ID}-aviso`);
    if (result.status === 409 && String(result.problem.extra['code'] ?? '') === 'RETRY_BLOCKED') {
      setAlert(alert, blockedMessage(d, result.problem), true);
      return;
    }
    // Control answers come back as `answers.<id>`, attachments as their slot: put them on their fields.
    const aliases: Record<string, string> = {};
    for (const error of result.problem.errors) {
      const answer = /^answers[.[]"?([^\]"]+)"?\]?$/.exec(error.field);
      if (answer?.[1]) aliases[error.field] = `q-${answer[1]}`;
      const slot = /^(?:attachments[.[])?([A-Z_]+)\]?$/.exec(error.field);
      if (slot?.[1] && this.step === 3) aliases[error.field] = `slot-${slot[1]}`;
    }
    const unplaced = showServerErrors(form, result.problem.errors, aliases);
    const placed = result.problem.errors.length > unplaced.length;
    setAlert(alert, placed && unplaced.length === 0 ? d.form.fixErrors
      : [result.problem.title, result.problem.detail, ...unplaced].filter(Boolean).join(' '), !placed);
    if (placed) focusFirstInvalid(form);
  }

  /** R-PRE-8 / R-PRE-12: the decision exactly as the server gave it. */
  private decided(decision: { status: string; message?: string }): void {
    const d = this.d();
    const p = d.prereg;
    const approved = decision.status === 'APPROVED';
    mount(this.box, approved
      ? html`<div class="notice notice-success" data-testid="decision-approved" data-decision="APPROVED">
          ${icon('check', 'icon icon-large')}
          <div><h2 tabindex="-1">${p.approvedTitle}</h2><p>${p.approvedText}</p>
            <p class="notice-actions"><a class="button button-secondary" href="${href(paths.history)}" data-testid="go-history">${p.goHistory}</a></p></div>
        </div>`
      : html`<div class="notice notice-error" data-testid="decision-rejected" data-decision="${decision.status}">
          ${icon('alert', 'icon icon-large')}
          <div><h2 tabindex="-1">${p.rejected}</h2>
            <p class="notice-actions"><a class="button button-secondary" href="${href(paths.history)}" data-testid="go-history">${p.goHistory}</a></p></div>
        </div>`);
    this.box.querySelector<HTMLElement>('h2')?.focus();
  }
}
