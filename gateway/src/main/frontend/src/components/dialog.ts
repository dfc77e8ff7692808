import { t } from '../i18n';

export interface AskOptions {
  /** The confirming button's text; OK by default (the manual's word). */
  okLabel?: string;
  /** Offer a cancel button too (a question rather than a notice). */
  cancelLabel?: string | null;
}

/**
 * A modal message with OK (and optionally CANCELAR), as the manual's confirmation windows. Resolves
 * `true` for OK, `false` for cancel or Escape. Focus goes to OK and comes back to where it was.
 * Buttons carry `data-testid="dialog-ok"` / `"dialog-cancel"` for end-to-end tests.
 */
export function ask(message: string, options: AskOptions = {}): Promise<boolean> {
  const d = t().common;
  const returnTo = document.activeElement as HTMLElement | null;
  const dialog = document.createElement('dialog');
  dialog.className = 'modal confirm-dialog';
  dialog.dataset['testid'] = 'dialog';
  const text = document.createElement('p');
  text.id = `dialog-text-${Date.now()}`;
  text.textContent = message;
  dialog.setAttribute('aria-labelledby', text.id);
  const actions = document.createElement('div');
  actions.className = 'notice-actions';
  const ok = document.createElement('button');
  ok.type = 'button';
  ok.className = 'button button-primary';
  ok.textContent = options.okLabel ?? d.ok;
  ok.dataset['testid'] = 'dialog-ok';
  actions.append(ok);
  let cancel: HTMLButtonElement | null = null;
  if (options.cancelLabel !== undefined && options.cancelLabel !== null) {
    cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'button';
    cancel.textContent = options.cancelLabel;
    cancel.dataset['testid'] = 'dialog-cancel';
    actions.append(cancel);
  }
  dialog.append(text, actions);
  document.body.append(dialog);
  return new Promise((resolve) => {
    const finish = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      if (returnTo?.isConnected) returnTo.focus();
      resolve(answer);
    };
    ok.addEventListener('click', () => finish(true));
    cancel?.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    dialog.showModal();
    ok.focus();
  });
}
