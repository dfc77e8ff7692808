import { api } from '../api';
import { requiredMark } from '../components/fields';
import { checkFile } from '../components/files';
import { markField, setAlert } from '../components/form-errors';
import { html, mount, type SafeHtml } from '../html';
import { t, type Dictionary } from '../i18n';
import { paths } from '../paths';
import type { Route } from '../router';

/**
 * Verificar FMME (R-FMM-5), public: a seal pasted, or read in the browser from an image of the QR code
 * (jsQR, loaded only when an image is chosen), is checked by `GET /api/fmme/verify?seal=`; the page shows
 * the status (válida, cancelada, vencida, no válida) and the folio.
 */
const ID = 'verificar';

interface Verification {
  status: string;
  folio?: string;
}

function result(d: Dictionary, verification: Verification): SafeHtml {
  const v = d.verify;
  const status = (v.statuses as Record<string, string>)[verification.status] ?? verification.status;
  const text = (v.statusTexts as Record<string, string>)[verification.status] ?? '';
  const tone = verification.status === 'VALID' ? 'notice-success' : 'notice-error';
  return html`<div class="notice ${tone}" data-testid="verify-result" data-status="${verification.status}">
    <div>
      <h2 tabindex="-1">${v.result}</h2>
      <p class="verify-status"><span class="status status-${verification.status.toLowerCase()}">${status}</span></p>
      <p>${text}</p>
      ${verification.folio ? html`<p>${v.folio}: <strong data-testid="verify-folio">${verification.folio}</strong></p>` : ''}
    </div>
  </div>`;
}

/** Reads the QR code of an image, in the browser. */
async function readQr(file: File): Promise<string | null> {
  const bitmap = await createImageBitmap(file).catch(() => null);
  if (!bitmap) return null;
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(bitmap, 0, 0);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  const { default: jsQR } = await import('jsqr');
  return jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

export const verifyFmmePage: Route = {
  path: paths.verifyFmme,
  title: (d) => d.verify.title,
  render: (d) => {
    const v = d.verify;
    return html`<div class="container page page-narrow">
      <div class="page-header">
        <h1 tabindex="-1">${v.title}</h1>
        <p class="lead">${v.lead}</p>
      </div>
      <form class="form" id="${ID}-form" novalidate data-testid="verify-form">
        <div class="form-alert" id="${ID}-aviso" role="alert" tabindex="-1" hidden></div>
        <div class="field" data-field="seal">
          <label for="${ID}-sello">${v.sealLabel}${requiredMark(d)}</label>
          <p class="field-hint" id="${ID}-sello-ayuda">${v.sealHint}</p>
          <textarea id="${ID}-sello" name="seal" rows="4" spellcheck="false" autocomplete="off" data-testid="verify-seal"
            aria-describedby="${ID}-sello-ayuda ${ID}-sello-error"></textarea>
          <p class="field-error" id="${ID}-sello-error" hidden></p>
        </div>
        <div class="field" data-field="qr">
          <label for="${ID}-qr">${v.qrLabel}</label>
          <input type="file" id="${ID}-qr" name="qr" accept="image/png,image/jpeg" data-testid="verify-qr-file"
            aria-describedby="${ID}-qr-estado ${ID}-qr-error" />
          <p class="field-hint" id="${ID}-qr-estado" role="status"></p>
          <p class="field-error" id="${ID}-qr-error" hidden></p>
        </div>
        <div class="form-actions">
          <button type="submit" class="button button-primary" data-testid="verify-submit">${v.submit}</button>
          <p class="form-busy" id="${ID}-ocupado" role="status"></p>
        </div>
      </form>
      <div id="${ID}-resultado" class="verify-result"></div>
    </div>`;
  },
  mounted(root) {
    const form = root.querySelector<HTMLFormElement>(`#${ID}-form`)!;
    const seal = form.querySelector<HTMLTextAreaElement>('[name="seal"]')!;
    const qr = form.querySelector<HTMLInputElement>('[name="qr"]')!;
    const status = form.querySelector<HTMLElement>(`#${ID}-qr-estado`)!;
    const output = root.querySelector<HTMLElement>(`#${ID}-resultado`)!;
    qr.addEventListener('change', () => {
      const file = qr.files?.[0];
      if (!file) return;
      void (async () => {
        const d = t();
        markField(form, 'qr', undefined);
        status.textContent = '';
        if (await checkFile(file, ['png', 'jpeg'])) {
          markField(form, 'qr', d.capture.wrongType);
          return;
        }
        const text = await readQr(file);
        if (!text) {
          markField(form, 'qr', d.verify.qrNotFound);
          return;
        }
        seal.value = text;
        markField(form, 'seal', undefined);
        status.textContent = d.verify.qrRead;
      })();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void (async () => {
        const d = t();
        const value = seal.value.trim();
        setAlert(form.querySelector(`#${ID}-aviso`), null);
        if (!value) {
          markField(form, 'seal', d.verify.required);
          seal.focus();
          return;
        }
        markField(form, 'seal', undefined);
        const busy = form.querySelector<HTMLElement>(`#${ID}-ocupado`)!;
        busy.textContent = d.common.sending;
        const answer = await api.get<Verification>(`/api/fmme/verify?seal=${encodeURIComponent(value)}`);
        busy.textContent = '';
        if (!output.isConnected) return;
        if (answer.ok) {
          mount(output, result(d, answer.data));
          output.querySelector<HTMLElement>('h2')?.focus();
        } else {
          output.replaceChildren();
          const messages = answer.problem.errors.map((e) => e.message).filter(Boolean);
          setAlert(form.querySelector(`#${ID}-aviso`), [answer.problem.title, ...messages].join(' '), true);
        }
      })();
    });
  },
};
