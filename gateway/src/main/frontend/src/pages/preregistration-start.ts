import { api, type Problem } from '../api';
import { requiredMark, textField } from '../components/fields';
import { focusFirstInvalid, markField, setAlert, showServerErrors } from '../components/form-errors';
import type { RegisteredDocument } from '../documents';
import { fill, localDateTime } from '../format';
import { html, mount, type SafeHtml } from '../html';
import { language, t, type Dictionary } from '../i18n';
import { paths } from '../paths';
import { blockLiftsAt, readFormDefinition, type FormDefinition, type Variant } from '../preregistration';
import { href, type Route } from '../router';
import { failureView, loadingView } from './signed-in';

/**
 * Pre-registro's first screen for a document: the pre-check of R-PRE-7 (connection without entering
 * Mexico, or a dual Colombian-Mexican national on the Mexican passport: not needed), then the variant
 * choice of R-PRE-2. The NUE / SRE folio field appears only when the service says it is not on file —
 * from the form definition, or from `POST /api/preregistrations` refusing the draft without it — and
 * CONTINUAR opens the wizard on the new server draft.
 */
const ID = 'prerregistro';

function variantsFor(doc: RegisteredDocument): Variant[] {
  if (doc.classification === 'DIPLOMATIC') return ['DIPLOMATIC'];
  if (doc.classification === 'ORDINARY') return ['NUE', 'NO_NUE'];
  return ['NUE', 'DIPLOMATIC', 'NO_NUE'];
}

function variantTexts(d: Dictionary, variant: Variant): { title: string; text: string } {
  const p = d.prereg;
  if (variant === 'NUE') return { title: p.variantNue, text: p.variantNueText };
  if (variant === 'DIPLOMATIC') return { title: p.variantDiplomatic, text: p.variantDiplomaticText };
  return { title: p.variantNoNue, text: p.variantNoNueText };
}

/** The blocked message of R-PRE-9 with the time it lifts, when the problem says it. */
export function blockedMessage(d: Dictionary, problem: Problem): string {
  const lifts = blockLiftsAt(problem.extra);
  return [d.prereg.blocked, lifts ? fill(d.prereg.blockedUntil, { time: localDateTime(lifts, language()) }) : '']
    .filter(Boolean).join(' ');
}

function view(d: Dictionary, doc: RegisteredDocument): SafeHtml {
  const p = d.prereg;
  const variants = variantsFor(doc);
  const req = requiredMark(d);
  return html`<form class="form" id="${ID}-form" novalidate data-testid="preregistration-start">
    <div class="form-alert" id="${ID}-aviso" role="alert" tabindex="-1" hidden></div>
    <fieldset class="field field-group" data-field="precheck" aria-describedby="${ID}-precheck-error">
      <legend>${p.precheckQuestion}${req}</legend>
      <div class="choices">
        <label class="choice"><input type="radio" name="precheck" value="yes" data-testid="precheck-yes" /> <span>${d.common.yes}</span></label>
        <label class="choice"><input type="radio" name="precheck" value="no" data-testid="precheck-no" /> <span>${d.common.no}</span></label>
      </div>
      <p class="field-error" id="${ID}-precheck-error" hidden></p>
    </fieldset>
    <p class="notice notice-info" id="${ID}-no-necesario" data-testid="precheck-not-needed" role="status" hidden>${p.precheckNotNeeded}</p>
    <div id="${ID}-variantes" hidden>
      <h2>${p.variantTitle}</h2>
      <p>${variants.length === 1 && variants[0] === 'DIPLOMATIC' ? p.variantDiplomaticOnly : p.variantLead}</p>
      <fieldset class="field field-group" data-field="variant" aria-describedby="${ID}-variant-error">
        <legend class="visually-hidden">${p.variantTitle}</legend>
        <div class="choice-cards">
          ${variants.map((variant) => {
            const texts = variantTexts(d, variant);
            return html`<label class="choice-card"><span><input type="radio" name="variant" value="${variant}"
              data-testid="variant-${variant}" ${variants.length === 1 ? html`checked` : ''} />
              <span class="choice-card-title">${texts.title}</span></span><span>${texts.text}</span></label>`;
          })}
        </div>
        <p class="field-error" id="${ID}-variant-error" hidden></p>
      </fieldset>
      <div data-identifier="NUE" hidden>
        ${textField(d, { id: `${ID}-nue`, name: 'nue', label: p.nue, required: true, hint: p.nueHint, maxlength: 20, autocomplete: 'off' })}
      </div>
      <div data-identifier="DIPLOMATIC" hidden>
        ${textField(d, { id: `${ID}-sreFolio`, name: 'sreFolio', label: p.sreFolio, required: true, hint: p.sreFolioHint, maxlength: 20, autocomplete: 'off' })}
      </div>
      <p class="warning">${d.services.recommend24}</p>
      <div class="form-actions">
        <button type="submit" class="button button-primary" data-testid="variant-continue">${d.actions.continue}</button>
        <a class="button" href="${href(paths.services, doc.id)}">${d.actions.cancel}</a>
        <p class="form-busy" id="${ID}-ocupado" role="status"></p>
      </div>
    </div>
  </form>`;
}

export const preregistrationStartPage: Route = {
  path: paths.preregistrationStart,
  sectionIsInput: true,
  title: (d) => d.prereg.title,
  render: (d) => html`<div class="container page page-narrow">
      <div class="page-header"><h1 tabindex="-1">${d.prereg.title}</h1></div>
      <div id="${ID}-inicio">${loadingView(d)}</div>
    </div>`,
  mounted(root, context) {
    const box = root.querySelector<HTMLElement>(`#${ID}-inicio`)!;
    const documentId = context.section;
    void Promise.all([api.get<RegisteredDocument>(`/api/documents/${encodeURIComponent(documentId)}`),
      api.get<unknown>('/api/preregistrations/form')]).then(([doc, form]) => {
      if (!box.isConnected) return;
      const d = t();
      if (!doc.ok) {
        mount(box, failureView(d, doc, d.services.notFound));
        return;
      }
      mount(box, view(d, doc.data));
      new StartForm(box, doc.data, form.ok ? readFormDefinition(form.data, language()) : null).start();
    });
  },
};

class StartForm {
  private readonly form: HTMLFormElement;
  /** Variants whose identifier the service asked for. */
  private readonly asked = new Set<Variant>();
  private busy = false;

  constructor(
    root: HTMLElement,
    private readonly doc: RegisteredDocument,
    private readonly definition: FormDefinition | null,
  ) {
    this.form = root.querySelector<HTMLFormElement>(`#${ID}-form`)!;
  }

  start(): void {
    this.form.addEventListener('change', (event) => {
      const target = event.target as HTMLInputElement;
      if (target.name === 'precheck') this.precheck(target.value === 'yes');
      if (target.name === 'variant') this.variantChosen();
      if (target.name === 'nue' || target.name === 'sreFolio') markField(this.form, target.name, target.value.trim() ? null : t().prereg.errors.required);
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
  }

  private precheck(notNeeded: boolean): void {
    this.form.querySelector<HTMLElement>(`#${ID}-no-necesario`)!.hidden = !notNeeded;
    this.form.querySelector<HTMLElement>(`#${ID}-variantes`)!.hidden = notNeeded;
    markField(this.form, 'precheck', undefined);
    if (!notNeeded) this.variantChosen();
  }

  private variant(): Variant | null {
    return (this.form.querySelector<HTMLInputElement>('[name="variant"]:checked')?.value as Variant | undefined) ?? null;
  }

  /** Shows the NUE / folio field for the chosen variant when the service does not have it. */
  private variantChosen(): void {
    const variant = this.variant();
    this.form.querySelectorAll<HTMLElement>('[data-identifier]').forEach((block) => {
      const forVariant = block.dataset['identifier'] as Variant;
      block.hidden = !(variant === forVariant && (this.asked.has(forVariant) || this.definition?.onFile(forVariant) === false));
    });
    if (variant) markField(this.form, 'variant', undefined);
  }

  private identifierShown(variant: Variant): HTMLInputElement | null {
    const block = this.form.querySelector<HTMLElement>(`[data-identifier="${variant}"]`);
    return block && !block.hidden ? block.querySelector<HTMLInputElement>('input') : null;
  }

  private async submit(): Promise<void> {
    if (this.busy) return;
    const d = t();
    const alert = this.form.querySelector<HTMLElement>(`#${ID}-aviso`);
    const variant = this.variant();
    if (!variant) {
      markField(this.form, 'variant', d.prereg.errors.required);
      focusFirstInvalid(this.form);
      return;
    }
    const body: Record<string, string> = { documentId: this.doc.id, variant };
    const identifier = this.identifierShown(variant);
    if (identifier) {
      const value = identifier.value.trim();
      markField(this.form, identifier.name, value ? null : d.prereg.errors.required);
      if (!value) {
        identifier.focus();
        return;
      }
      body[identifier.name] = value;
    }
    setAlert(alert, null);
    this.busy = true;
    const busy = this.form.querySelector<HTMLElement>(`#${ID}-ocupado`)!;
    busy.textContent = d.common.sending;
    const result = await api.post<{ id: string }>('/api/preregistrations', body);
    this.busy = false;
    busy.textContent = '';
    if (!this.form.isConnected) return;
    if (result.ok) {
      window.location.hash = href(paths.preregistrationWizard, result.data.id);
      return;
    }
    const code = String(result.problem.extra['code'] ?? '');
    if (result.status === 409 && code === 'RETRY_BLOCKED') {
      setAlert(alert, blockedMessage(d, result.problem), true);
      return;
    }
    // The service does not have the NUE / folio yet: ask for it (R-PRE-2, first pre-registration only).
    const wanted = result.problem.errors.find((e) => e.field === 'nue' || e.field === 'sreFolio');
    if (wanted && !identifier) {
      this.asked.add(variant);
      this.variantChosen();
      this.identifierShown(variant)?.focus();
      return;
    }
    const unplaced = showServerErrors(this.form, result.problem.errors);
    const placed = result.problem.errors.length > unplaced.length;
    setAlert(alert, placed && unplaced.length === 0 ? d.form.fixErrors
      : [result.problem.title, result.problem.detail, ...unplaced].filter(Boolean).join(' '), !placed);
    if (placed) focusFirstInvalid(this.form);
  }
}
