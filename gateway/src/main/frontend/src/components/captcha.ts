import { api } from '../api';
import { html, type SafeHtml } from '../html';
import type { Dictionary } from '../i18n';
import { icon } from '../icons';

interface CaptchaResponse {
  id: string;
  image: string;
}

/**
 * The captcha widget (R-ACC-10): image, a refresh icon button and the answer field. Any form that
 * needs a captcha renders it with `render`, wires it with `mount` and reads `value()`; after every
 * failed submit the form calls `refresh()` (each captcha is single-use). When `/api/captcha`
 * cannot be reached the widget says so and offers a retry button; the page keeps working.
 */
export class Captcha {
  private root: HTMLElement | null = null;
  private id: string | null = null;
  private request = 0;

  constructor(
    /** Prefix of the element ids, unique in the page. */
    private readonly prefix: string,
    private readonly d: Dictionary,
  ) {}

  get inputId(): string {
    return `${this.prefix}-answer`;
  }

  get errorId(): string {
    return `${this.prefix}-answer-error`;
  }

  render(required: SafeHtml): SafeHtml {
    const d = this.d.captcha;
    return html`
      <div class="captcha field" id="${this.prefix}" data-field="captchaAnswer">
        <label for="${this.inputId}">${d.label}${required}</label>
        <p class="field-hint" id="${this.prefix}-hint">${d.hint}</p>
        <div class="captcha-row">
          <div class="captcha-image" data-captcha-image aria-live="polite">
            <span class="captcha-status">${d.loading}</span>
          </div>
          <button type="button" class="icon-button" data-captcha-refresh aria-label="${d.refresh}" title="${d.refresh}">
            ${icon('refresh')}
          </button>
        </div>
        <div class="captcha-error" data-captcha-error role="alert" hidden></div>
        <input id="${this.inputId}" name="captchaAnswer" type="text" autocomplete="off" autocapitalize="off"
          spellcheck="false" required aria-describedby="${this.prefix}-hint ${this.errorId}" maxlength="20" />
        <p class="field-error" id="${this.errorId}" hidden></p>
      </div>`;
  }

  mount(container: HTMLElement): void {
    this.root = container.querySelector<HTMLElement>(`#${this.prefix}`);
    this.root?.querySelector('[data-captcha-refresh]')?.addEventListener('click', () => void this.refresh());
    void this.refresh();
  }

  input(): HTMLInputElement | null {
    return this.root?.querySelector<HTMLInputElement>(`#${this.inputId}`) ?? null;
  }

  /** The captcha id and the typed answer, as API.md names them. */
  value(): { captchaId: string; captchaAnswer: string } {
    return { captchaId: this.id ?? '', captchaAnswer: this.input()?.value.trim() ?? '' };
  }

  /** Loads a new captcha and clears the answer. */
  async refresh(): Promise<void> {
    const root = this.root;
    if (!root) return;
    const request = ++this.request;
    const d = this.d.captcha;
    const box = root.querySelector<HTMLElement>('[data-captcha-image]');
    const error = root.querySelector<HTMLElement>('[data-captcha-error]');
    const answer = this.input();
    if (answer) answer.value = '';
    const focusWasOnError = !!error && error.contains(document.activeElement);
    this.id = null;
    root.setAttribute('aria-busy', 'true');
    const result = await api.get<CaptchaResponse>('/api/captcha');
    if (request !== this.request || !root.isConnected) return;
    root.removeAttribute('aria-busy');
    if (result.ok && result.data && typeof result.data.image === 'string' && result.data.image.startsWith('data:image/')) {
      this.id = result.data.id;
      if (box) {
        box.replaceChildren();
        const img = document.createElement('img');
        img.src = result.data.image;
        img.alt = d.imageAlt;
        img.className = 'captcha-img';
        box.append(img);
      }
      if (error) {
        error.hidden = true;
        error.replaceChildren();
      }
      if (focusWasOnError) answer?.focus();
      return;
    }
    if (box) {
      box.replaceChildren();
      const status = document.createElement('span');
      status.className = 'captcha-status';
      status.textContent = '—';
      status.setAttribute('aria-hidden', 'true');
      box.append(status);
    }
    if (error) {
      const message = document.createElement('p');
      message.textContent = `${d.loadError} ${result.ok ? this.d.api.unexpectedError : result.problem.title}`;
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'button button-secondary button-small';
      retry.dataset['captchaRetry'] = '';
      retry.textContent = d.retry;
      retry.addEventListener('click', () => void this.refresh());
      error.replaceChildren(message, retry);
      error.hidden = false;
      if (focusWasOnError) retry.focus();
    }
  }
}
