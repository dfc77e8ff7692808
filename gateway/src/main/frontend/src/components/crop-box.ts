import { fill } from '../format';
import { html, mount } from '../html';
import type { Dictionary } from '../i18n';

/** A crop rectangle in the image's own pixels, as `POST /api/documents/scans` takes it. */
export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Mode = 'move' | 'resize';

/**
 * The blue crop box of R-DOC-2 over a captured or loaded image. It is moved by dragging it and resized
 * by its corner handle (pointer events: mouse, pen and touch alike), and from the keyboard: arrows move
 * it, Shift + arrows resize it. The box is kept inside the image and at least 5 % of it. Its current
 * rectangle, in image pixels, is also on the box as `data-crop-x/y/width/height` and read to screen
 * readers through a polite live region.
 */
export class CropBox {
  private crop: Crop;
  private readonly box: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly status: HTMLElement;
  private drag: { mode: Mode; pointer: number; startX: number; startY: number; from: Crop } | null = null;

  constructor(
    container: HTMLElement,
    image: HTMLImageElement | HTMLCanvasElement,
    private readonly imageWidth: number,
    private readonly imageHeight: number,
    private readonly d: Dictionary,
  ) {
    const c = d.capture;
    mount(
      container,
      html`<div class="crop-stage" data-testid="crop-stage">
          <div class="crop-box" id="recuadro-azul" data-testid="crop-box" tabindex="0" role="group"
            aria-label="${c.cropLabel}" aria-describedby="recuadro-estado">
            <span class="crop-handle" data-handle="resize" aria-hidden="true"></span>
          </div>
        </div>
        <p class="visually-hidden" id="recuadro-estado" aria-live="polite"></p>`,
    );
    this.stage = container.querySelector<HTMLElement>('.crop-stage')!;
    this.box = container.querySelector<HTMLElement>('.crop-box')!;
    this.status = container.querySelector<HTMLElement>('#recuadro-estado')!;
    image.classList.add('crop-image');
    this.stage.prepend(image);
    const insetX = Math.round(imageWidth * 0.05);
    const insetY = Math.round(imageHeight * 0.05);
    this.crop = { x: insetX, y: insetY, width: imageWidth - 2 * insetX, height: imageHeight - 2 * insetY };
    this.box.addEventListener('pointerdown', (event) => this.start(event));
    this.box.addEventListener('pointermove', (event) => this.move(event));
    this.box.addEventListener('pointerup', () => (this.drag = null));
    this.box.addEventListener('pointercancel', () => (this.drag = null));
    this.box.addEventListener('keydown', (event) => this.key(event));
    this.paint(false);
  }

  value(): Crop {
    return { ...this.crop };
  }

  /** Image pixels per CSS pixel of the displayed image. */
  private scale(): number {
    const shown = this.stage.getBoundingClientRect().width;
    return shown > 0 ? this.imageWidth / shown : 1;
  }

  private start(event: PointerEvent): void {
    const handle = (event.target as Element).closest('[data-handle]');
    this.drag = {
      mode: handle ? 'resize' : 'move',
      pointer: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      from: { ...this.crop },
    };
    this.box.setPointerCapture(event.pointerId);
    this.box.focus({ preventScroll: true });
    event.preventDefault();
  }

  private move(event: PointerEvent): void {
    if (!this.drag || event.pointerId !== this.drag.pointer) return;
    const scale = this.scale();
    const dx = (event.clientX - this.drag.startX) * scale;
    const dy = (event.clientY - this.drag.startY) * scale;
    const from = this.drag.from;
    if (this.drag.mode === 'move') this.set({ ...from, x: from.x + dx, y: from.y + dy });
    else this.set({ ...from, width: from.width + dx, height: from.height + dy });
  }

  private key(event: KeyboardEvent): void {
    const steps: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const step = steps[event.key];
    if (!step) return;
    event.preventDefault();
    const unit = Math.max(1, Math.round(Math.max(this.imageWidth, this.imageHeight) / 100)) * (event.altKey ? 5 : 1);
    const [dx, dy] = [step[0] * unit, step[1] * unit];
    const c = this.crop;
    if (event.shiftKey) this.set({ ...c, width: c.width + dx, height: c.height + dy }, true);
    else this.set({ ...c, x: c.x + dx, y: c.y + dy }, true);
  }

  /** Keeps the box inside the image and not smaller than 5 % of it. */
  private set(next: Crop, announce = false): void {
    const minW = Math.max(1, Math.round(this.imageWidth * 0.05));
    const minH = Math.max(1, Math.round(this.imageHeight * 0.05));
    const width = Math.round(Math.min(Math.max(next.width, minW), this.imageWidth));
    const height = Math.round(Math.min(Math.max(next.height, minH), this.imageHeight));
    const x = Math.round(Math.min(Math.max(next.x, 0), this.imageWidth - width));
    const y = Math.round(Math.min(Math.max(next.y, 0), this.imageHeight - height));
    this.crop = { x, y, width, height };
    this.paint(announce);
  }

  private paint(announce: boolean): void {
    const { x, y, width, height } = this.crop;
    const style = this.box.style;
    style.left = `${(x / this.imageWidth) * 100}%`;
    style.top = `${(y / this.imageHeight) * 100}%`;
    style.width = `${(width / this.imageWidth) * 100}%`;
    style.height = `${(height / this.imageHeight) * 100}%`;
    this.box.dataset['cropX'] = String(x);
    this.box.dataset['cropY'] = String(y);
    this.box.dataset['cropWidth'] = String(width);
    this.box.dataset['cropHeight'] = String(height);
    const text = fill(this.d.capture.cropPosition, { x, y, w: width, h: height });
    if (announce) this.status.textContent = text;
  }
}
