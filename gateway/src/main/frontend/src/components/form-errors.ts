import type { FieldError } from '../api';
import { setFieldState } from './fields';

/**
 * Field errors on forms built with `fields.ts` (a `[data-field=name]` wrapper around each control):
 * client checks and the server's problem+json errors are painted the same way, red with the message,
 * or green once valid.
 */
export function fieldWrapper(form: HTMLElement, name: string): HTMLElement | null {
  return form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
}

function controlsOf(field: HTMLElement): HTMLElement[] {
  return Array.from(field.querySelectorAll<HTMLElement>('input, select, textarea'));
}

/** `string`: invalid with that message; `null`: valid (green); `undefined`: neutral. */
export function markField(form: HTMLElement, name: string, error: string | null | undefined): void {
  const field = fieldWrapper(form, name);
  if (field) setFieldState(field, controlsOf(field), error);
}

/** Clears every field's state. */
export function clearFields(form: HTMLElement): void {
  form.querySelectorAll<HTMLElement>('[data-field]').forEach((field) => setFieldState(field, controlsOf(field), undefined));
}

/** Moves focus to the first invalid control of the form; `true` when there was one. */
export function focusFirstInvalid(form: HTMLElement): boolean {
  const field = form.querySelector<HTMLElement>('[data-field].is-invalid');
  const control = field ? controlsOf(field)[0] : undefined;
  control?.focus();
  return !!control;
}

/**
 * Shows the server's field errors on their fields (`aliases` maps API names onto field names, e.g.
 * `captchaId` → `captchaAnswer`); returns the messages that belong to no field of the form.
 */
export function showServerErrors(form: HTMLElement, errors: FieldError[], aliases: Record<string, string> = {}): string[] {
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const error of errors) {
    const name = aliases[error.field] ?? error.field;
    const message = error.message || error.code;
    if (name && fieldWrapper(form, name)) byField.set(name, [...(byField.get(name) ?? []), message]);
    else unplaced.push(message);
  }
  byField.forEach((messages, name) => markField(form, name, messages.join(' ')));
  return unplaced;
}

/** A form's alert box (`role="alert"`): a message shows it, `null` hides it. */
export function setAlert(box: HTMLElement | null, message: string | null, focus = false): void {
  if (!box) return;
  box.textContent = message ?? '';
  box.hidden = !message;
  if (message && focus) box.focus();
}
