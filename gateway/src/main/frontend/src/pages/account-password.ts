import { api } from '../api';
import { Captcha } from '../components/captcha';
import { requiredMark, textField } from '../components/fields';
import { focusFirstInvalid, markField, setAlert, showServerErrors } from '../components/form-errors';
import { html, type SafeHtml } from '../html';
import { t, type Dictionary } from '../i18n';
import { isValidPassword } from '../password-policy';
import { SIGN_IN_URL, paths } from '../paths';
import { href, type Route } from '../router';

/**
 * The account's password screens (R-ACC-7, R-ACC-9): Recuperar cuenta (`POST /api/accounts/recovery`,
 * the same answer whatever the e-mail), the landing of the recovery e-mail's link
 * (`#/cuenta/restablecer?token=`, `POST /api/accounts/password-reset`) and Contraseña of the account
 * menu (`POST /api/accounts/me/password`). Each checks on the client what the server checks, shows the
 * server's field errors on the fields and a new captcha after every failure.
 */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface FormSpec {
  id: string;
  fields: string[];
  endpoint: string;
  captcha: Captcha | null;
  /** The client's check of a field; `null` when valid. */
  check(name: string, value: (name: string) => string): string | null;
  body(value: (name: string) => string): Record<string, unknown>;
  done: string;
}

function form(d: Dictionary, spec: FormSpec, fields: SafeHtml, submit: string): SafeHtml {
  return html`<div class="notice notice-success" id="${spec.id}-exito" data-testid="${spec.id}-done" role="status" tabindex="-1" hidden></div>
    <form class="form" id="${spec.id}-form" novalidate data-testid="${spec.id}-form">
      <p class="required-note"><span class="required" aria-hidden="true">*</span> ${d.form.requiredNote}</p>
      <div class="form-alert" id="${spec.id}-aviso" role="alert" tabindex="-1" hidden></div>
      ${fields}
      ${spec.captcha ? spec.captcha.render(requiredMark(d)) : ''}
      <div class="form-actions">
        <button type="submit" class="button button-primary" data-testid="${spec.id}-submit">${submit}</button>
        <p class="form-busy" id="${spec.id}-ocupado" role="status"></p>
      </div>
    </form>`;
}

/** Wires a form built by `form`: checks, submit, server errors, the success message. */
function wire(root: HTMLElement, spec: FormSpec, after?: (notice: HTMLElement) => void): void {
  const element = root.querySelector<HTMLFormElement>(`#${spec.id}-form`);
  if (!element) return;
  const formElement: HTMLFormElement = element;
  spec.captcha?.mount(root);
  const value = (name: string): string => {
    const checked = formElement.querySelector<HTMLInputElement>(`[name="${name}"]:checked`);
    if (checked) return checked.value;
    const control = formElement.querySelector<HTMLInputElement>(`[name="${name}"]:not([type="radio"])`);
    return control ? (control.type === 'password' ? control.value : control.value.trim()) : '';
  };
  const recheck = (event: Event) => {
    const name = (event.target as HTMLInputElement).name;
    const wrapper = formElement.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (spec.fields.includes(name) && (event.type === 'change' || wrapper?.matches('.is-invalid, .is-valid'))) {
      markField(formElement, name, spec.check(name, value));
    }
  };
  formElement.addEventListener('input', recheck);
  formElement.addEventListener('change', recheck);
  let busy = false;
  formElement.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    void (async () => {
      const d = t();
      const alert = formElement.querySelector<HTMLElement>(`#${spec.id}-aviso`);
      let valid = true;
      for (const name of spec.fields) {
        const error = spec.check(name, value);
        markField(formElement, name, error);
        if (error) valid = false;
      }
      if (!valid) {
        setAlert(alert, d.form.fixErrors);
        focusFirstInvalid(formElement);
        return;
      }
      setAlert(alert, null);
      busy = true;
      const status = formElement.querySelector<HTMLElement>(`#${spec.id}-ocupado`)!;
      status.textContent = d.common.sending;
      const result = await api.post<unknown>(spec.endpoint, { ...spec.body(value), ...(spec.captcha?.value() ?? {}) });
      busy = false;
      status.textContent = '';
      if (!formElement.isConnected) return;
      if (result.ok) {
        formElement.reset();
        formElement.hidden = true;
        const notice = root.querySelector<HTMLElement>(`#${spec.id}-exito`)!;
        notice.textContent = spec.done;
        notice.hidden = false;
        after?.(notice);
        notice.focus();
        return;
      }
      void spec.captcha?.refresh();
      const unplaced = showServerErrors(formElement, result.problem.errors, { captchaId: 'captchaAnswer' });
      const placed = result.problem.errors.length > unplaced.length;
      setAlert(alert, placed && unplaced.length === 0 ? d.form.fixErrors
        : [result.problem.title, result.problem.detail, ...unplaced].filter(Boolean).join(' '), !placed);
      if (placed) focusFirstInvalid(formElement);
    })();
  });
}

function page(title: string, lead: string, body: SafeHtml): SafeHtml {
  return html`<div class="container page page-narrow">
    <div class="page-header"><h1 tabindex="-1">${title}</h1><p class="lead">${lead}</p></div>
    ${body}
  </div>`;
}

function passwordFields(d: Dictionary, id: string, names: [string, string], labels: [string, string]): SafeHtml {
  return html`${textField(d, { id: `${id}-${names[0]}`, name: names[0], label: labels[0], type: 'password', required: true,
      autocomplete: 'new-password', maxlength: 128, hint: d.changePassword.rules })}
    ${textField(d, { id: `${id}-${names[1]}`, name: names[1], label: labels[1], type: 'password', required: true,
      autocomplete: 'new-password', maxlength: 128 })}`;
}

function checkNewPassword(d: Dictionary, name: string, value: (name: string) => string, names: [string, string]): string | null {
  const e = d.changePassword.errors;
  const text = value(name);
  if (!text) return e.required;
  if (name === names[0]) return isValidPassword(text) ? null : e.password;
  if (name === names[1]) return text === value(names[0]) ? null : e.mismatch;
  return null;
}

// ---- Recuperar cuenta ----

let recoverySpec: FormSpec | null = null;

export const recoverAccountPage: Route = {
  path: paths.recoverAccount,
  title: (d) => d.recovery.title,
  render: (d) => {
    const r = d.recovery;
    recoverySpec = {
      id: 'recuperacion',
      fields: ['email', 'type', 'captchaAnswer'],
      endpoint: '/api/accounts/recovery',
      captcha: new Captcha('recuperacion-captcha', d),
      check: (name, value) => {
        const dd = t();
        if (name === 'email') return EMAIL_PATTERN.test(value('email')) ? null : dd.recovery.errors.email;
        if (name === 'type') return value('type') ? null : dd.recovery.errors.type;
        return value(name) ? null : dd.captcha.required;
      },
      body: (value) => ({ email: value('email'), type: value('type') }),
      done: r.done,
    };
    const fields = html`${textField(d, { id: 'recuperacion-email', name: 'email', label: r.email, type: 'email', required: true,
        autocomplete: 'email', maxlength: 254 })}
      <fieldset class="field field-group" data-field="type" aria-describedby="recuperacion-type-hint recuperacion-type-error">
        <legend>${r.type}${requiredMark(d)}</legend>
        <p class="field-hint" id="recuperacion-type-hint">${r.activationNote}</p>
        <div class="choices">
          <label class="choice"><input type="radio" name="type" value="PASSWORD" data-testid="recovery-password" /> <span>${r.typePassword}</span></label>
          <label class="choice"><input type="radio" name="type" value="ACTIVATION" data-testid="recovery-activation" /> <span>${r.typeActivation}</span></label>
        </div>
        <p class="field-error" id="recuperacion-type-error" hidden></p>
      </fieldset>`;
    return page(r.title, r.lead, form(d, recoverySpec, fields, d.actions.recover));
  },
  mounted: (root) => {
    if (recoverySpec) wire(root, recoverySpec);
  },
};

// ---- Restablecer contraseña (link of the recovery e-mail) ----

const RESET_NAMES: [string, string] = ['password', 'passwordConfirmation'];
let resetSpec: FormSpec | null = null;

function resetToken(): string {
  return (new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('token') ?? '').trim();
}

export const resetPasswordPage: Route = {
  path: paths.resetPassword,
  title: (d) => d.reset.title,
  render: (d) => {
    const r = d.reset;
    const token = resetToken();
    if (!token) {
      resetSpec = null;
      return page(r.title, r.lead, html`<div class="notice notice-error" role="alert" data-testid="reset-no-token"><p>${r.noToken}
        <a href="${href(paths.recoverAccount)}">${d.recovery.title}</a></p></div>`);
    }
    resetSpec = {
      id: 'restablecer',
      fields: RESET_NAMES,
      endpoint: '/api/accounts/password-reset',
      captcha: null,
      check: (name, value) => checkNewPassword(t(), name, value, RESET_NAMES),
      body: (value) => ({ token, password: value('password'), passwordConfirmation: value('passwordConfirmation') }),
      done: r.done,
    };
    return page(r.title, r.lead, form(d, resetSpec, passwordFields(d, 'restablecer', RESET_NAMES, [r.password, r.confirmation]), r.submit));
  },
  mounted: (root) => {
    if (!resetSpec) return;
    wire(root, resetSpec, (notice) => {
      const link = document.createElement('a');
      link.className = 'button button-primary';
      link.href = SIGN_IN_URL;
      link.textContent = t().actions.signIn;
      notice.append(' ', link);
    });
  },
};

// ---- Contraseña (account menu) ----

const CHANGE_NAMES: [string, string] = ['newPassword', 'newPasswordConfirmation'];
let changeSpec: FormSpec | null = null;

export const changePasswordPage: Route = {
  path: paths.changePassword,
  title: (d) => d.changePassword.title,
  render: (d) => {
    const c = d.changePassword;
    changeSpec = {
      id: 'contrasena',
      fields: ['currentPassword', ...CHANGE_NAMES, 'captchaAnswer'],
      endpoint: '/api/accounts/me/password',
      captcha: new Captcha('contrasena-captcha', d),
      check: (name, value) => {
        const dd = t();
        if (name === 'currentPassword') return value(name) ? null : dd.changePassword.errors.required;
        if (name === 'captchaAnswer') return value(name) ? null : dd.captcha.required;
        return checkNewPassword(dd, name, value, CHANGE_NAMES);
      },
      body: (value) => ({ currentPassword: value('currentPassword'), newPassword: value('newPassword'),
        newPasswordConfirmation: value('newPasswordConfirmation') }),
      done: c.done,
    };
    const fields = html`${textField(d, { id: 'contrasena-currentPassword', name: 'currentPassword', label: c.current, type: 'password',
        required: true, autocomplete: 'current-password', maxlength: 128 })}
      ${passwordFields(d, 'contrasena', CHANGE_NAMES, [c.password, c.confirmation])}`;
    return page(c.title, c.lead, form(d, changeSpec, fields, d.actions.changePassword));
  },
  mounted: (root) => {
    if (changeSpec) wire(root, changeSpec);
  },
};
