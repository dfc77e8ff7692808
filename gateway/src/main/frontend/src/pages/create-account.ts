import { api, type FieldError } from '../api';
import { Captcha } from '../components/captcha';
import { requiredMark, setFieldState, textField } from '../components/fields';
import { sortedCountries } from '../countries';
import { earliestBirthDate } from '../format';
import { html } from '../html';
import { language, t, type Dictionary } from '../i18n';
import { icon } from '../icons';
import { PASSWORD_RULES, checkPassword, isValidPassword } from '../password-policy';
import { SIGN_IN_URL, paths } from '../paths';
import { href, type Route } from '../router';

/**
 * CREAR CUENTA (R-ACC-1..5): the manual's fields in its order, checked on blur and on submit as the
 * server checks them (the server's field errors are shown on the same fields), a live password
 * checklist (R-ACC-3), the captcha (R-ACC-10), the "cannot be modified" warning (R-ACC-4) and the
 * confirmation message with the activation e-mail (R-ACC-5).
 */

const ID = 'cuenta';
const NAME_MAX = 60;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type FieldName =
  | 'givenNames'
  | 'firstSurname'
  | 'secondSurname'
  | 'nationality'
  | 'birthDate'
  | 'sex'
  | 'email'
  | 'emailConfirmation'
  | 'password'
  | 'passwordConfirmation'
  | 'captchaAnswer'
  | 'privacyAccepted';

const FIELDS: readonly FieldName[] = [
  'givenNames',
  'firstSurname',
  'secondSurname',
  'nationality',
  'birthDate',
  'sex',
  'email',
  'emailConfirmation',
  'password',
  'passwordConfirmation',
  'captchaAnswer',
  'privacyAccepted',
];

/** What was typed, kept in memory while the page is re-rendered (language switch). */
const draft = new Map<string, string | boolean>();
const touched = new Set<FieldName>();
/** Server messages stay on a field until its value changes. */
const serverErrors = new Map<FieldName, { value: string; message: string }>();

function id(name: FieldName): string {
  return `${ID}-${name}`;
}

/** Today in the browser's calendar, as YYYY-MM-DD. */
function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** R-ACC-2: 18 or older on the day of creation. */
export function isAdult(birthDate: string, today = new Date()): boolean {
  const limit = isoDate(new Date(today.getFullYear() - 18, today.getMonth(), today.getDate()));
  return birthDate <= limit;
}

function passwordToggle(d: Dictionary, target: FieldName, label: string): ReturnType<typeof html> {
  return html`<button type="button" class="toggle-password" data-toggle-password="${id(target)}" aria-controls="${id(target)}"
    aria-pressed="false" aria-label="${d.form.showPassword}: ${label}">${icon('eye')}<span aria-hidden="true">${d.form.showPassword}</span></button>`;
}

function renderForm(d: Dictionary, captcha: Captcha): ReturnType<typeof html> {
  const c = d.createAccount;
  const req = requiredMark(d);
  const countries = sortedCountries(language());
  const sexes: { value: string; label: string }[] = [
    { value: 'F', label: c.sexF },
    { value: 'M', label: c.sexM },
    { value: 'X', label: c.sexX },
  ];
  return html`
    <form class="form" id="${ID}-form" novalidate aria-labelledby="${ID}-titulo">
      <p class="required-note"><span class="required" aria-hidden="true">*</span> ${d.form.requiredNote}</p>
      <div class="form-alert" id="${ID}-alert" role="alert" tabindex="-1" hidden></div>
      <fieldset class="form-section">
        <legend>${c.personalTitle}</legend>
        ${textField(d, { id: id('givenNames'), name: 'givenNames', label: c.givenNames, required: true, autocomplete: 'given-name', maxlength: NAME_MAX })}
        <div class="field-pair">
          ${textField(d, { id: id('firstSurname'), name: 'firstSurname', label: c.firstSurname, required: true, autocomplete: 'family-name', maxlength: NAME_MAX })}
          ${textField(d, { id: id('secondSurname'), name: 'secondSurname', label: c.secondSurname, required: false, autocomplete: 'off', maxlength: NAME_MAX })}
        </div>
        <div class="field-pair">
          <div class="field" data-field="nationality">
            <label for="${id('nationality')}">${c.nationality}${req}</label>
            <div class="input-plain">
              <select id="${id('nationality')}" name="nationality" required aria-describedby="${id('nationality')}-error">
                <option value="">${c.nationalityPlaceholder}</option>
                ${countries.map((country) => html`<option value="${country.code}">${country[language()]}</option>`)}
              </select>
            </div>
            <p class="field-error" id="${id('nationality')}-error" hidden></p>
          </div>
          ${textField(d, {
            id: id('birthDate'),
            name: 'birthDate',
            label: c.birthDate,
            type: 'date',
            required: true,
            autocomplete: 'bday',
            hint: c.birthDateHint,
            extraAttributes: html`min="${earliestBirthDate()}" max="${isoDate(new Date())}"`,
          })}
        </div>
        <fieldset class="field field-group" data-field="sex" aria-describedby="${id('sex')}-error">
          <legend>${c.sex}${req}</legend>
          <div class="choices">
            ${sexes.map(
              (sex) => html`<label class="choice"><input type="radio" name="sex" value="${sex.value}" required
                aria-describedby="${id('sex')}-error" /> <span>${sex.label}</span></label>`,
            )}
          </div>
          <p class="field-error" id="${id('sex')}-error" hidden></p>
        </fieldset>
      </fieldset>
      <fieldset class="form-section">
        <legend>${c.accessTitle}</legend>
        <div class="field-pair">
          ${textField(d, { id: id('email'), name: 'email', label: c.email, type: 'email', required: true, autocomplete: 'email', hint: c.emailHint, maxlength: 254 })}
          ${textField(d, { id: id('emailConfirmation'), name: 'emailConfirmation', label: c.emailConfirmation, type: 'email', required: true, autocomplete: 'off', maxlength: 254 })}
        </div>
        <div class="field-pair">
          <div>
            ${textField(d, {
              id: id('password'),
              name: 'password',
              label: c.password,
              type: 'password',
              required: true,
              autocomplete: 'new-password',
              describedBy: `${ID}-password-rules`,
              maxlength: 128,
              after: passwordToggle(d, 'password', c.password),
            })}
            <div class="password-rules" id="${ID}-password-rules">
              <p class="password-rules-title">${c.rulesTitle}</p>
              <ul>
                ${PASSWORD_RULES.map(
                  (rule) => html`<li data-rule="${rule}" data-state="">
                    <span class="rule-icon" aria-hidden="true"></span><span>${c.rules[rule]}</span><span class="visually-hidden rule-status"></span>
                  </li>`,
                )}
              </ul>
            </div>
          </div>
          ${textField(d, {
            id: id('passwordConfirmation'),
            name: 'passwordConfirmation',
            label: c.passwordConfirmation,
            type: 'password',
            required: true,
            autocomplete: 'new-password',
            maxlength: 128,
            after: passwordToggle(d, 'passwordConfirmation', c.passwordConfirmation),
          })}
        </div>
      </fieldset>
      ${captcha.render(req)}
      <div class="field field-check" data-field="privacyAccepted">
        <div class="check">
          <input type="checkbox" id="${id('privacyAccepted')}" name="privacyAccepted" required
            aria-describedby="${id('privacyAccepted')}-error" />
          <label for="${id('privacyAccepted')}">${c.privacyBefore}<a href="${href(paths.privacy)}" target="_blank" rel="noopener">${c.privacyLink}<span class="visually-hidden"> ${d.form.newTab}</span></a>${c.privacyAfter}${req}</label>
        </div>
        <p class="field-error" id="${id('privacyAccepted')}-error" hidden></p>
      </div>
      <div class="warning" id="${ID}-warning">
        ${icon('alert')}
        <div>
          <p class="warning-title">${c.warning}</p>
          <p>${c.warningDetail}</p>
        </div>
      </div>
      <div class="form-actions">
        <button type="submit" class="button button-primary" aria-describedby="${ID}-warning">${d.actions.createAccount}</button>
        <p class="form-busy" id="${ID}-busy" role="status"></p>
      </div>
    </form>`;
}

let captcha: Captcha | null = null;

export const createAccountPage: Route = {
  path: paths.createAccount,
  title: (d) => d.createAccount.title,
  render: (d) => {
    captcha = new Captcha(`${ID}-captcha`, d);
    return html`
      <div class="container page page-narrow">
        <div class="page-header">
          <h1 id="${ID}-titulo" tabindex="-1">${d.createAccount.title}</h1>
          <p class="lead">${d.createAccount.lead}</p>
        </div>
        <div class="notice notice-success" id="${ID}-exito" hidden>
          ${icon('mail', 'icon icon-large')}
          <div>
            <h2 tabindex="-1">${d.createAccount.successTitle}</h2>
            <p>${d.createAccount.successText}</p>
            <p>${d.createAccount.successValidity}</p>
            <p class="notice-actions">
              <a class="button button-secondary" href="${SIGN_IN_URL}">${d.actions.signIn}</a>
              <a href="${href(paths.home)}">${d.createAccount.successHome}</a>
            </p>
          </div>
        </div>
        ${renderForm(d, captcha)}
      </div>`;
  },
  mounted: (root) => {
    if (captcha) new CreateAccountForm(root, captcha).start();
  },
};

class CreateAccountForm {
  private readonly form: HTMLFormElement;
  private busy = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly captcha: Captcha,
  ) {
    this.form = root.querySelector<HTMLFormElement>(`#${ID}-form`)!;
  }

  start(): void {
    this.captcha.mount(this.root);
    this.restoreDraft();
    this.form.addEventListener('input', (event) => this.onInput(event));
    this.form.addEventListener('change', (event) => this.onInput(event));
    this.form.addEventListener('focusout', (event) => this.onBlur(event));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.form.querySelectorAll<HTMLButtonElement>('[data-toggle-password]').forEach((button) => {
      button.addEventListener('click', () => this.togglePassword(button));
    });
  }

  private d(): Dictionary {
    return t();
  }

  private controls(name: FieldName): HTMLInputElement[] {
    return Array.from(this.form.querySelectorAll<HTMLInputElement>(`[name="${name}"]`));
  }

  private fieldElement(name: FieldName): HTMLElement | null {
    return this.form.querySelector<HTMLElement>(`[data-field="${name}"]`);
  }

  private value(name: FieldName): string {
    const controls = this.controls(name);
    if (name === 'sex') return controls.find((c) => c.checked)?.value ?? '';
    if (name === 'privacyAccepted') return controls[0]?.checked ? 'true' : '';
    const control = controls[0];
    if (!control) return '';
    return name === 'password' || name === 'passwordConfirmation' ? control.value : control.value.trim();
  }

  /** The client-side checks, mirroring the server's (API.md); `null` when valid. */
  private validate(name: FieldName): string | null {
    const e = this.d().createAccount.errors;
    const value = this.value(name);
    const server = serverErrors.get(name);
    if (server && server.value === value) return server.message;
    serverErrors.delete(name);
    switch (name) {
      case 'givenNames':
      case 'firstSurname':
        if (!value) return e.required;
        return value.length > NAME_MAX ? e.tooLong : null;
      case 'secondSurname':
        return value.length > NAME_MAX ? e.tooLong : null;
      case 'nationality':
        return value ? null : e.nationality;
      case 'birthDate': {
        const input = this.controls('birthDate')[0];
        if (input?.validity.badInput) return e.birthDate;
        if (!value) return e.required;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < earliestBirthDate()) return e.birthDate;
        if (value > isoDate(new Date())) return e.birthDateFuture;
        return isAdult(value) ? null : e.underAge;
      }
      case 'sex':
        return value ? null : e.sex;
      case 'email':
        if (!value) return e.required;
        return EMAIL_PATTERN.test(value) ? null : e.email;
      case 'emailConfirmation':
        if (!value) return e.required;
        return value.toLowerCase() === this.value('email').toLowerCase() ? null : e.emailMismatch;
      case 'password':
        if (!value) return e.required;
        return isValidPassword(value) ? null : e.password;
      case 'passwordConfirmation':
        if (!value) return e.required;
        return value === this.value('password') ? null : e.passwordMismatch;
      case 'captchaAnswer':
        return value ? null : this.d().captcha.required;
      case 'privacyAccepted':
        return value ? null : e.privacy;
    }
  }

  /** Validates and paints one field; optional empty fields stay neutral. */
  private check(name: FieldName): boolean {
    const field = this.fieldElement(name);
    const error = this.validate(name);
    if (field) {
      const neutral = error === null && name === 'secondSurname' && !this.value(name);
      setFieldState(field, this.controls(name), neutral ? undefined : error);
    }
    return error === null;
  }

  private nameOf(target: EventTarget | null): FieldName | null {
    const name = (target as HTMLInputElement | null)?.name;
    return name && (FIELDS as readonly string[]).includes(name) ? (name as FieldName) : null;
  }

  private onInput(event: Event): void {
    const target = event.target as HTMLInputElement;
    const name = this.nameOf(target);
    if (!name) return;
    // The captcha answer belongs to the captcha shown: it is never kept.
    if (name !== 'captchaAnswer') draft.set(name, target.type === 'checkbox' ? target.checked : name === 'sex' ? this.value('sex') : target.value);
    if (name === 'password') this.updateRules();
    if (touched.has(name) || event.type === 'change') {
      if (event.type === 'change' && (name === 'sex' || name === 'privacyAccepted' || name === 'nationality')) touched.add(name);
      if (touched.has(name)) this.check(name);
    }
    // A change to the original re-checks its confirmation once that was visited.
    if (name === 'email' && touched.has('emailConfirmation')) this.check('emailConfirmation');
    if (name === 'password' && touched.has('passwordConfirmation')) this.check('passwordConfirmation');
  }

  private onBlur(event: FocusEvent): void {
    const name = this.nameOf(event.target);
    if (!name) return;
    const field = this.fieldElement(name);
    // A radio group is left when focus goes outside it, not from one radio to the next.
    if (name === 'sex' && field && event.relatedTarget instanceof Node && field.contains(event.relatedTarget)) return;
    touched.add(name);
    this.check(name);
  }

  /** R-ACC-3 checklist: each rule met / not met as the password is typed. */
  private updateRules(): void {
    const password = this.value('password');
    const result = checkPassword(password);
    const c = this.d().createAccount;
    this.form.querySelectorAll<HTMLElement>('[data-rule]').forEach((item) => {
      const rule = item.dataset['rule'] as keyof typeof result;
      const state = password ? (result[rule] ? 'met' : 'unmet') : '';
      item.dataset['state'] = state;
      const status = item.querySelector('.rule-status');
      if (status) status.textContent = state ? `: ${state === 'met' ? c.ruleMet : c.ruleUnmet}` : '';
    });
  }

  private togglePassword(button: HTMLButtonElement): void {
    const input = this.form.querySelector<HTMLInputElement>(`#${button.dataset['togglePassword']}`);
    if (!input) return;
    const show = input.type === 'password';
    input.type = show ? 'text' : 'password';
    button.setAttribute('aria-pressed', String(show));
    const f = this.d().form;
    const text = button.querySelector('span');
    if (text) text.textContent = show ? f.hidePassword : f.showPassword;
  }

  private restoreDraft(): void {
    draft.forEach((value, name) => {
      const controls = this.controls(name as FieldName);
      if (name === 'sex') controls.forEach((c) => (c.checked = c.value === value));
      else if (typeof value === 'boolean') controls.forEach((c) => (c.checked = value));
      else if (controls[0]) controls[0].value = value;
    });
    this.updateRules();
    touched.forEach((name) => this.check(name));
  }

  private alert(message: string | null): void {
    const alert = this.form.querySelector<HTMLElement>(`#${ID}-alert`);
    if (!alert) return;
    alert.textContent = message ?? '';
    alert.hidden = !message;
  }

  private focusFirstInvalid(): void {
    const first = FIELDS.find((name) => this.fieldElement(name)?.classList.contains('is-invalid'));
    if (!first) return;
    const controls = this.controls(first);
    const target = controls.find((c) => c.checked) ?? controls[0];
    target?.focus();
  }

  private async submit(): Promise<void> {
    if (this.busy) return;
    FIELDS.forEach((name) => touched.add(name));
    const valid = FIELDS.map((name) => this.check(name)).every(Boolean);
    const d = this.d();
    if (!valid) {
      this.alert(d.form.fixErrors);
      this.focusFirstInvalid();
      return;
    }
    this.alert(null);
    this.setBusy(true);
    const second = this.value('secondSurname');
    const body = {
      givenNames: this.value('givenNames'),
      firstSurname: this.value('firstSurname'),
      ...(second ? { secondSurname: second } : {}),
      nationality: this.value('nationality'),
      birthDate: this.value('birthDate'),
      sex: this.value('sex'),
      email: this.value('email'),
      emailConfirmation: this.value('emailConfirmation'),
      password: this.value('password'),
      passwordConfirmation: this.value('passwordConfirmation'),
      privacyAccepted: true,
      ...this.captcha.value(),
      language: language(),
    };
    const result = await api.post<{ status: string }>('/api/accounts', body);
    this.setBusy(false);
    if (!this.form.isConnected) return;
    if (result.ok) {
      this.succeeded();
      return;
    }
    // Every failed submit gets a new captcha (single-use); its answer is cleared before the errors are shown.
    void this.captcha.refresh();
    this.showServerErrors(result.problem.errors, result.problem.title, result.problem.detail);
  }

  private showServerErrors(errors: FieldError[], title: string, detail: string): void {
    const byField = new Map<FieldName, string[]>();
    const unplaced: string[] = [];
    errors.forEach((error) => {
      const name = (error.field === 'captchaId' ? 'captchaAnswer' : error.field) as FieldName;
      if ((FIELDS as readonly string[]).includes(name)) byField.set(name, [...(byField.get(name) ?? []), error.message || error.code]);
      else unplaced.push(error.message || error.code);
    });
    byField.forEach((messages, name) => {
      // The captcha answer is cleared by the new captcha: its message stays until the next answer.
      const value = name === 'captchaAnswer' ? '' : this.value(name);
      serverErrors.set(name, { value, message: messages.join(' ') });
      this.check(name);
    });
    const summary = byField.size > 0 && unplaced.length === 0 ? this.d().form.fixErrors : [title, detail, ...unplaced].filter(Boolean).join(' ');
    this.alert(summary);
    if (byField.size > 0) this.focusFirstInvalid();
    else this.form.querySelector<HTMLElement>(`#${ID}-alert`)?.focus();
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    const button = this.form.querySelector<HTMLButtonElement>('button[type="submit"]');
    button?.setAttribute('aria-disabled', String(busy));
    this.form.setAttribute('aria-busy', String(busy));
    const status = this.form.querySelector<HTMLElement>(`#${ID}-busy`);
    if (status) status.textContent = busy ? this.d().createAccount.sending : '';
  }

  /** R-ACC-5: the confirmation message; the form is cleared. */
  private succeeded(): void {
    draft.clear();
    touched.clear();
    serverErrors.clear();
    this.form.reset();
    FIELDS.forEach((name) => {
      const field = this.fieldElement(name);
      if (field) setFieldState(field, this.controls(name), undefined);
    });
    this.updateRules();
    this.alert(null);
    this.form.hidden = true;
    const notice = this.root.querySelector<HTMLElement>(`#${ID}-exito`);
    if (notice) {
      notice.hidden = false;
      notice.scrollIntoView({ block: 'start' });
      notice.querySelector<HTMLElement>('h2')?.focus();
    }
  }
}

