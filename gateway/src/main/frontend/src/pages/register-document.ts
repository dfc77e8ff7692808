import { api } from '../api';
import { Captcha } from '../components/captcha';
import { CropBox } from '../components/crop-box';
import { ask } from '../components/dialog';
import { requiredMark, textField } from '../components/fields';
import { checkFile } from '../components/files';
import { clearFields, focusFirstInvalid, markField, setAlert, showServerErrors } from '../components/form-errors';
import { sortedCountries } from '../countries';
import { addToIsoDate, earliestBirthDate, fill, isIsoDate, isoToday } from '../format';
import { html, type SafeHtml } from '../html';
import { language, t, type Dictionary } from '../i18n';
import { icon } from '../icons';
import { paths } from '../paths';
import { href, type Route } from '../router';

/**
 * REGISTRAR DOCUMENTOS (R-DOC-2..8): CAPTURAR DOCUMENTO offers CAPTURAR FOTO (camera with the green
 * guide frame) or CARGAR IMAGEN (PNG/JPEG up to 2 MB, checked by content before sending); either image
 * gets the blue crop box and GUARDAR FOTO sends it with the box to `POST /api/documents/scans`. VALIDAR
 * DOCUMENTO shows the fields the OCR read, the unreadable ones empty and flagged, the classification,
 * the captcha and the warnings; REGISTRAR asks for confirmation, registers, confirms, then offers the
 * document's services.
 */

const ID = 'documento';
const SCAN_FIELDS = ['documentType', 'issuingState', 'documentNumber', 'surname', 'givenNames', 'nationality', 'birthDate',
  'sex', 'expiryDate'] as const;
type ScanField = (typeof SCAN_FIELDS)[number];
const FORM_FIELDS = [...SCAN_FIELDS, 'classification', 'captchaAnswer'] as const;

interface ScanResult {
  scanId: string;
  fields?: Partial<Record<ScanField | 'personalNumber', string>>;
  unreadable?: string[];
}

/** As the server checks: no passport is valid longer (years). */
const LONGEST_VALIDITY_YEARS = 10;

/** MRZ dates are YYMMDD; the API's are ISO. Births are in the past, expiries within the next 50 years. */
export function mrzDateToIso(value: string, kind: 'birth' | 'expiry'): string {
  if (isIsoDate(value)) return value;
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!match) return '';
  const yy = Number(match[1]);
  const nowYY = new Date().getFullYear() % 100;
  const century = kind === 'birth' ? (yy > nowYY ? 1900 : 2000) : yy > nowYY + 50 ? 1900 : 2000;
  const iso = `${century + yy}-${match[2]}-${match[3]}`;
  return isIsoDate(iso) ? iso : '';
}

function countryOptions(d: Dictionary, selected: string): SafeHtml {
  const countries = sortedCountries(language());
  const known = countries.some((c) => c.code === selected);
  return html`<option value="">${d.validate.select}</option>
    ${selected && !known ? html`<option value="${selected}" selected>${selected}</option>` : ''}
    ${countries.map((c) => html`<option value="${c.code}" ${c.code === selected ? html`selected` : ''}>${c[language()]}</option>`)}`;
}

function selectField(d: Dictionary, name: string, label: string, options: SafeHtml, hint?: string): SafeHtml {
  const hintId = hint ? `${ID}-${name}-hint` : '';
  return html`<div class="field" data-field="${name}">
    <label for="${ID}-${name}">${label}${requiredMark(d)}</label>
    ${hint ? html`<p class="field-hint" id="${hintId}">${hint}</p>` : ''}
    <div class="input-plain"><select id="${ID}-${name}" name="${name}" required aria-describedby="${hintId} ${ID}-${name}-error">${options}</select></div>
    <p class="field-error" id="${ID}-${name}-error" hidden></p>
  </div>`;
}

function validateForm(d: Dictionary, captcha: Captcha): SafeHtml {
  const v = d.validate;
  const req = requiredMark(d);
  const text = (name: ScanField, label: string, maxlength: number, type: 'text' | 'date' = 'text') =>
    textField(d, { id: `${ID}-${name}`, name, label, required: true, maxlength, type, autocomplete: 'off' });
  return html`<form class="form" id="validar-form" data-testid="validate-form" novalidate aria-labelledby="validar-titulo" hidden>
    <h2 id="validar-titulo" tabindex="-1">${v.title}</h2>
    <p>${v.lead}</p>
    <p class="notice notice-info">${v.validity}</p>
    <p class="required-note"><span class="required" aria-hidden="true">*</span> ${d.form.requiredNote}</p>
    <div class="form-alert" id="validar-aviso" role="alert" tabindex="-1" hidden></div>
    <div class="field-pair">
      ${text('documentType', v.documentType, 3)}
      ${selectField(d, 'issuingState', v.issuingState, countryOptions(d, ''))}
    </div>
    <div class="field-pair">
      ${text('documentNumber', v.documentNumber, 9)}
      ${selectField(d, 'nationality', v.nationality, countryOptions(d, ''), v.nationalityHint)}
    </div>
    <div class="field-pair">
      ${text('surname', v.surname, 39)}
      ${text('givenNames', v.givenNames, 39)}
    </div>
    <div class="field-pair">
      ${text('birthDate', v.birthDate, 10, 'date')}
      ${selectField(d, 'sex', v.sex, html`<option value="">${v.select}</option><option value="F">${v.sexF}</option>
        <option value="M">${v.sexM}</option><option value="X">${v.sexX}</option>`)}
    </div>
    <div class="field-pair">
      ${text('expiryDate', v.expiryDate, 10, 'date')}
      <fieldset class="field field-group" data-field="classification" aria-describedby="${ID}-classification-hint ${ID}-classification-error">
        <legend>${v.classification}${req}</legend>
        <p class="field-hint" id="${ID}-classification-hint">${v.classificationHint}</p>
        <div class="choices">
          <label class="choice"><input type="radio" name="classification" value="ORDINARY" required data-testid="classification-ordinary" /> <span>${v.ordinary}</span></label>
          <label class="choice"><input type="radio" name="classification" value="DIPLOMATIC" required data-testid="classification-diplomatic" /> <span>${v.diplomatic}</span></label>
        </div>
        <p class="field-error" id="${ID}-classification-error" hidden></p>
      </fieldset>
    </div>
    ${captcha.render(req)}
    <div class="warning" id="validar-advertencias" data-testid="validate-warnings">
      ${icon('alert')}
      <div>
        <p class="warning-title">${v.warningsTitle}</p>
        <ol>
          <li>${v.warningBirthDate}</li>
          <li>${v.warningNationality}</li>
          <li>${v.warningDiplomatic}</li>
        </ol>
        <p class="warning-title">${v.warningFinal}</p>
      </div>
    </div>
    <div class="form-actions">
      <button type="submit" class="button button-primary" id="btn-registrar" data-testid="register-document"
        aria-describedby="validar-advertencias">${d.actions.register}</button>
      <a class="button" href="${href(paths.main)}" data-testid="cancel-document">${d.actions.cancel}</a>
      <p class="form-busy" id="validar-ocupado" role="status"></p>
    </div>
  </form>`;
}

let captcha: Captcha | null = null;

export const registerDocumentPage: Route = {
  path: paths.registerDocument,
  title: (d) => d.capture.title,
  render: (d) => {
    const c = d.capture;
    captcha = new Captcha(`${ID}-captcha`, d);
    return html`<div class="container page">
      <div class="page-header">
        <h1 tabindex="-1">${c.title}</h1>
        <p class="lead">${c.lead}</p>
      </div>
      <div class="main-actions">
        <button type="button" class="button button-primary" id="btn-capturar-documento" data-testid="capture-document"
          aria-controls="captura" aria-expanded="false">${icon('passport')} ${d.actions.captureDocument}</button>
        <button type="button" class="button button-secondary" id="btn-validar-documento" data-testid="validate-document"
          aria-controls="validar-form">${d.actions.validateDocument}</button>
      </div>
      <section class="capture-panel" id="captura" aria-labelledby="captura-titulo" hidden>
        <h2 id="captura-titulo" tabindex="-1">${c.chooseTitle}</h2>
        <p>${c.chooseText}</p>
        <p class="field-hint" id="captura-formatos">${c.formats}</p>
        <div class="main-actions">
          <button type="button" class="button button-secondary" id="btn-capturar-foto" data-testid="take-photo-mode">${icon('camera')} ${d.actions.takePhoto}</button>
          <button type="button" class="button button-secondary" id="btn-cargar-imagen" data-testid="upload-image">${icon('upload')} ${d.actions.uploadImage}</button>
          <input type="file" id="documento-archivo" data-testid="image-file" accept="image/png,image/jpeg,.png,.jpg,.jpeg"
            aria-label="${c.fileLabel}" aria-describedby="captura-formatos" tabindex="-1" class="file-input-hidden" />
        </div>
        <div class="form-alert" id="captura-aviso" data-testid="capture-error" role="alert" tabindex="-1" hidden></div>
        <div class="camera" id="camara" hidden>
          <h3>${c.cameraTitle}</h3>
          <p>${c.cameraHint}</p>
          <div class="camera-view">
            <video id="camara-video" playsinline muted aria-label="${c.videoLabel}"></video>
            <div class="camera-guide" aria-hidden="true"></div>
          </div>
          <p role="status" id="camara-estado"></p>
          <button type="button" class="button button-primary" id="btn-tomar-foto" data-testid="take-photo">${d.actions.takePhoto}</button>
        </div>
        <div class="crop" id="recorte" hidden>
          <h3 id="recorte-titulo" tabindex="-1">${c.cropTitle}</h3>
          <p id="recorte-ayuda">${c.cropHint}</p>
          <div id="recorte-area"></div>
          <div class="form-actions">
            <button type="button" class="button button-primary" id="btn-guardar-foto" data-testid="save-photo">${d.actions.savePhoto}</button>
            <p class="form-busy" id="recorte-ocupado" role="status"></p>
          </div>
        </div>
      </section>
      <section class="saved-scan" id="imagen-guardada" data-testid="saved-scan" hidden>
        <p class="notice notice-success" role="status" id="imagen-guardada-texto" tabindex="-1"></p>
        <div id="imagen-guardada-vista"></div>
      </section>
      ${validateForm(d, captcha)}
    </div>`;
  },
  mounted(root) {
    if (captcha) new RegisterDocument(root, captcha).start();
  },
};

class RegisterDocument {
  private readonly form: HTMLFormElement;
  private stream: MediaStream | null = null;
  private crop: CropBox | null = null;
  /** The image being cropped: the chosen file, or the camera's capture. */
  private image: Blob | null = null;
  private scan: ScanResult | null = null;
  private busy = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly captcha: Captcha,
  ) {
    this.form = root.querySelector<HTMLFormElement>('#validar-form')!;
  }

  private el<T extends HTMLElement>(selector: string): T {
    return this.root.querySelector<T>(selector)!;
  }

  start(): void {
    const choose = this.el<HTMLButtonElement>('#btn-capturar-documento');
    choose.addEventListener('click', () => {
      const panel = this.el('#captura');
      panel.hidden = false;
      choose.setAttribute('aria-expanded', 'true');
      this.el('#captura-titulo').focus();
    });
    this.el('#btn-validar-documento').addEventListener('click', () => this.showForm());
    this.el('#btn-capturar-foto').addEventListener('click', () => void this.openCamera());
    const file = this.el<HTMLInputElement>('#documento-archivo');
    this.el('#btn-cargar-imagen').addEventListener('click', () => file.click());
    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      file.value = '';
      if (chosen) void this.loadFile(chosen);
    });
    this.el('#btn-tomar-foto').addEventListener('click', () => this.takePhoto());
    this.el('#btn-guardar-foto').addEventListener('click', () => void this.save());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.register();
    });
    this.form.addEventListener('change', (event) => {
      const name = (event.target as HTMLInputElement).name;
      if (name) markField(this.form, name, this.check(name));
    });
    // A field already marked is re-checked as it is typed: its message goes before focus leaves it.
    this.form.addEventListener('input', (event) => {
      const name = (event.target as HTMLInputElement).name;
      const wrapper = name ? this.form.querySelector(`[data-field="${name}"]`) : null;
      if (wrapper?.matches('.is-invalid, .is-valid')) markField(this.form, name, this.check(name));
    });
    // The camera is released when the page is left.
    window.addEventListener('hashchange', () => this.stopCamera(), { once: true });
  }

  private captureError(message: string | null): void {
    setAlert(this.el('#captura-aviso'), message, !!message);
  }

  private async openCamera(): Promise<void> {
    const d = t().capture;
    this.captureError(null);
    this.el('#recorte').hidden = true;
    const camera = this.el('#camara');
    const status = this.el('#camara-estado');
    if (!navigator.mediaDevices?.getUserMedia) {
      this.noCamera();
      return;
    }
    camera.hidden = false;
    status.textContent = d.cameraStarting;
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } },
        audio: false,
      });
    } catch {
      camera.hidden = true;
      this.noCamera();
      return;
    }
    const video = this.el<HTMLVideoElement>('#camara-video');
    video.srcObject = this.stream;
    await video.play().catch(() => undefined);
    status.textContent = '';
    this.el('#btn-tomar-foto').focus();
  }

  private noCamera(): void {
    this.captureError(t().capture.noCamera);
    this.el('#btn-cargar-imagen').focus();
  }

  private stopCamera(): void {
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
  }

  private takePhoto(): void {
    const video = this.el<HTMLVideoElement>('#camara-video');
    if (!video.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    this.stopCamera();
    this.el('#camara').hidden = true;
    void this.canvasToJpeg(canvas).then((blob) => {
      this.image = blob;
      const preview = document.createElement('canvas');
      preview.width = canvas.width;
      preview.height = canvas.height;
      preview.getContext('2d')?.drawImage(canvas, 0, 0);
      preview.setAttribute('role', 'img');
      preview.setAttribute('aria-label', t().capture.imageAlt);
      this.showCrop(preview, canvas.width, canvas.height);
    });
  }

  /** A JPEG of the capture within 2 MB: lower quality until it fits. */
  private async canvasToJpeg(canvas: HTMLCanvasElement): Promise<Blob | null> {
    for (const quality of [0.92, 0.85, 0.75, 0.6, 0.45]) {
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
      if (blob && blob.size <= 2 * 1024 * 1024) return blob;
    }
    return null;
  }

  private async loadFile(file: File): Promise<void> {
    const c = t().capture;
    this.captureError(null);
    this.stopCamera();
    this.el('#camara').hidden = true;
    this.el('#recorte').hidden = true;
    const refusal = await checkFile(file, ['png', 'jpeg']);
    if (refusal) {
      this.captureError(refusal === 'type' ? c.wrongType : c.tooLarge);
      return;
    }
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.alt = c.imageAlt;
    img.src = url;
    try {
      await img.decode();
    } catch {
      URL.revokeObjectURL(url);
      this.captureError(c.unreadableImage);
      return;
    }
    this.image = file;
    this.showCrop(img, img.naturalWidth, img.naturalHeight);
  }

  private showCrop(image: HTMLImageElement | HTMLCanvasElement, width: number, height: number): void {
    const panel = this.el('#recorte');
    panel.hidden = false;
    this.crop = new CropBox(this.el('#recorte-area'), image, width, height, t());
    this.el('#recorte-titulo').focus();
  }

  /** GUARDAR FOTO: the image and the box go to the OCR; the fields it read fill VALIDAR DOCUMENTO. */
  private async save(): Promise<void> {
    if (this.busy || !this.image || !this.crop) return;
    const d = t();
    const crop = this.crop.value();
    const body = new FormData();
    body.append('image', this.image, this.image instanceof File ? this.image.name : 'captura.jpg');
    body.append('cropX', String(crop.x));
    body.append('cropY', String(crop.y));
    body.append('cropWidth', String(crop.width));
    body.append('cropHeight', String(crop.height));
    this.busy = true;
    const busy = this.el('#recorte-ocupado');
    busy.textContent = d.capture.saving;
    const result = await api.upload<ScanResult>('POST', '/api/documents/scans', body);
    this.busy = false;
    busy.textContent = '';
    if (!this.root.isConnected) return;
    if (!result.ok) {
      // the fields' messages, or else why (e.g. the photos of the hour used up, beside the wait)
      const messages = result.problem.errors.map((e) => e.message).filter(Boolean);
      const why = messages.length > 0 ? messages : [result.problem.detail].filter(Boolean);
      this.captureError([result.problem.title, ...why].join(' '));
      return;
    }
    this.scan = result.data;
    this.showSaved(crop);
    this.prefill();
    this.showForm();
  }

  /** The saved (cropped) image on the page, as the manual shows it before VALIDAR DOCUMENTO. */
  private showSaved(crop: { x: number; y: number; width: number; height: number }): void {
    const d = t();
    const source = this.el('#recorte-area').querySelector<HTMLImageElement | HTMLCanvasElement>('.crop-image');
    const view = this.el('#imagen-guardada-vista');
    if (source) {
      const canvas = document.createElement('canvas');
      canvas.width = crop.width;
      canvas.height = crop.height;
      canvas.className = 'saved-image';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', d.capture.savedImageAlt);
      canvas.getContext('2d')?.drawImage(source, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
      view.replaceChildren(canvas);
    }
    this.el('#recorte').hidden = true;
    this.el('#captura').hidden = true;
    this.el('#btn-capturar-documento').setAttribute('aria-expanded', 'false');
    const read = SCAN_FIELDS.filter((name) => this.scan?.fields?.[name]).length;
    this.el('#imagen-guardada-texto').textContent =
      `${d.capture.saved} ${fill(d.capture.readSummary, { read, total: SCAN_FIELDS.length })}`;
    this.el('#imagen-guardada').hidden = false;
  }

  private control(name: string): HTMLInputElement | HTMLSelectElement | null {
    return this.form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
  }

  private prefill(): void {
    const fields = this.scan?.fields ?? {};
    const unreadable = new Set(this.scan?.unreadable ?? []);
    const d = t();
    clearFields(this.form);
    for (const name of SCAN_FIELDS) {
      const control = this.control(name);
      if (!control) continue;
      let value = fields[name] ?? '';
      if (name === 'birthDate') value = mrzDateToIso(value, 'birth');
      if (name === 'expiryDate') value = mrzDateToIso(value, 'expiry');
      if (name === 'sex' && value === '<') value = 'X';
      if ((name === 'issuingState' || name === 'nationality') && value && control instanceof HTMLSelectElement
        && !Array.from(control.options).some((o) => o.value === value)) {
        control.add(new Option(value, value));
      }
      control.value = unreadable.has(name) ? '' : value;
      const wrapper = this.form.querySelector<HTMLElement>(`[data-field="${name}"]`);
      wrapper?.classList.toggle('is-unreadable', unreadable.has(name));
      if (unreadable.has(name)) markField(this.form, name, d.validate.unreadable);
    }
  }

  private showForm(): void {
    if (this.form.hidden) {
      this.form.hidden = false;
      this.captcha.mount(this.root);
      const type = this.control('documentType');
      if (type && !type.value) type.value = 'P';
    }
    this.el('#validar-titulo').focus();
  }

  private value(name: string): string {
    if (name === 'classification') {
      return this.form.querySelector<HTMLInputElement>('[name="classification"]:checked')?.value ?? '';
    }
    return this.control(name)?.value.trim() ?? '';
  }

  /** The client's checks (the server checks again); `null` when valid. */
  private check(name: string): string | null {
    const e = t().validate.errors;
    const value = this.value(name);
    if (name === 'captchaAnswer') return value ? null : t().captcha.required;
    if (!value) return e.required;
    switch (name) {
      case 'documentNumber':
        return /^[A-Za-z0-9]{1,9}$/.test(value) ? null : e.documentNumber;
      case 'surname':
      case 'givenNames':
        return /^[\p{L} '-]+$/u.test(value) ? null : e.name;
      case 'birthDate':
        if (!isIsoDate(value)) return e.date;
        if (value > isoToday()) return e.birthFuture;
        return value < earliestBirthDate() ? e.birthTooEarly : null;
      case 'expiryDate':
        if (!isIsoDate(value)) return e.date;
        if (value < addToIsoDate(isoToday(), 0, 6)) return e.expiry;
        return value > addToIsoDate(isoToday(), 0, 12 * LONGEST_VALIDITY_YEARS) ? e.expiryTooLate : null;
      default:
        return null;
    }
  }

  private async register(): Promise<void> {
    if (this.busy) return;
    const d = t();
    const alert = this.el('#validar-aviso');
    let valid = true;
    for (const name of FORM_FIELDS) {
      const error = this.check(name);
      markField(this.form, name, error);
      if (error) valid = false;
    }
    if (!valid) {
      setAlert(alert, d.form.fixErrors);
      focusFirstInvalid(this.form);
      return;
    }
    setAlert(alert, null);
    if (!(await ask(d.validate.confirmBefore, { cancelLabel: d.common.cancel }))) return;
    const body: Record<string, string> = {};
    for (const name of SCAN_FIELDS) body[name] = this.value(name);
    body['documentNumber'] = (body['documentNumber'] ?? '').toUpperCase();
    body['classification'] = this.value('classification');
    if (this.scan?.scanId) body['scanId'] = this.scan.scanId;
    Object.assign(body, this.captcha.value());
    this.busy = true;
    const status = this.el('#validar-ocupado');
    status.textContent = d.common.sending;
    const result = await api.post<{ id: string }>('/api/documents', body);
    this.busy = false;
    status.textContent = '';
    if (!this.form.isConnected) return;
    if (!result.ok) {
      void this.captcha.refresh();
      const unplaced = showServerErrors(this.form, result.problem.errors, { captchaId: 'captchaAnswer' });
      const placed = result.problem.errors.length > unplaced.length;
      const summary = placed && unplaced.length === 0
        ? d.form.fixErrors
        : [result.problem.title, result.problem.detail, ...unplaced].filter(Boolean).join(' ');
      setAlert(alert, summary, !placed);
      if (placed) focusFirstInvalid(this.form);
      return;
    }
    await ask(d.validate.registered);
    const toServices = await ask(d.validate.continueServices, { cancelLabel: d.common.cancel });
    window.location.hash = toServices ? href(paths.services, result.data.id) : href(paths.main);
  }
}
