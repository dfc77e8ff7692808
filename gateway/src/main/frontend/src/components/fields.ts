import { html, type SafeHtml } from '../html';
import type { Dictionary } from '../i18n';

/** Form building blocks shared by the account screens (R-ACC-1: required *, red invalid, green valid). */

/** The red asterisk, and "obligatorio" for screen readers. */
export function requiredMark(d: Dictionary): SafeHtml {
  return html`<span class="required" aria-hidden="true">*</span><span class="visually-hidden"> (${d.form.required})</span>`;
}

export interface TextFieldOptions {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'date';
  autocomplete?: string;
  required: boolean;
  hint?: string;
  maxlength?: number;
  extraAttributes?: SafeHtml;
  /** Markup after the input inside the field (e.g. a show/hide button). */
  after?: SafeHtml;
  /** Extra ids for aria-describedby (besides the hint and the error). */
  describedBy?: string;
}

export function describedBy(...ids: (string | undefined | false)[]): string {
  return ids.filter(Boolean).join(' ');
}

export function textField(d: Dictionary, o: TextFieldOptions): SafeHtml {
  const hintId = o.hint ? `${o.id}-hint` : undefined;
  return html`
    <div class="field" data-field="${o.name}">
      <label for="${o.id}">${o.label}${o.required ? requiredMark(d) : ''}</label>
      ${o.hint ? html`<p class="field-hint" id="${hintId}">${o.hint}</p>` : ''}
      <div class="${o.after ? 'input-with-button' : 'input-plain'}">
        <input id="${o.id}" name="${o.name}" type="${o.type ?? 'text'}" ${o.required ? html`required` : ''}
          ${o.autocomplete ? html`autocomplete="${o.autocomplete}"` : ''} ${o.maxlength ? html`maxlength="${o.maxlength}"` : ''}
          aria-describedby="${describedBy(hintId, o.describedBy, `${o.id}-error`)}" ${o.extraAttributes ?? ''} />
        ${o.after ?? ''}
      </div>
      <p class="field-error" id="${o.id}-error" hidden></p>
    </div>`;
}

/**
 * Shows a field as invalid (red, its message, aria-invalid) or valid (green); `undefined` clears both.
 * `field` is the `.field` wrapper (or fieldset); `controls` the inputs that get aria-invalid.
 */
export function setFieldState(field: HTMLElement, controls: HTMLElement[], error: string | null | undefined): void {
  const message = field.querySelector<HTMLElement>(':scope > .field-error, :scope .field-error');
  field.classList.toggle('is-invalid', typeof error === 'string');
  field.classList.toggle('is-valid', error === null);
  controls.forEach((control) => {
    if (typeof error === 'string') control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  });
  if (message) {
    message.textContent = error ?? '';
    message.hidden = typeof error !== 'string';
  }
}
