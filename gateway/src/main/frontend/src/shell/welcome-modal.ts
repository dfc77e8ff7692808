import { html, mount, type SafeHtml } from '../html';
import { readStorage, t, writeStorage, type Dictionary } from '../i18n';
import { icon } from '../icons';
import { paths } from '../paths';
import { href } from '../router';

/**
 * R-ENT-1: on the first visit a modal tells what to have ready before registering.
 * Closed with the X (or Escape); once closed it is remembered on this device.
 * A native modal <dialog> makes the page behind it inert; Tab is also kept inside explicitly.
 */
const SEEN_KEY = 'preregistro.welcomeSeen';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function content(d: Dictionary): SafeHtml {
  return html`
    <div class="modal-header">
      <h2 id="bienvenida-titulo" class="modal-title">${d.welcome.title}</h2>
      <button type="button" class="modal-close" data-action="close-welcome" aria-label="${d.welcome.close}">
        ${icon('close')}
      </button>
    </div>
    <div class="modal-body">
      <p>${d.welcome.intro}</p>
      <h3>${d.welcome.readyTitle}</h3>
      <ul class="checklist">${d.welcome.ready.map((item) => html`<li>${icon('check')}<span>${item}</span></li>`)}</ul>
      <h3>${d.welcome.notesTitle}</h3>
      <ul class="notes">${d.welcome.notes.map((item) => html`<li>${item}</li>`)}</ul>
      <p class="modal-consult">${d.welcome.consult}</p>
      <ul class="modal-links">
        <li><a href="${href(paths.help)}">${icon('book')}<span>${d.nav.help}</span></a></li>
        <li><a href="${href(paths.privacy)}">${icon('shield')}<span>${d.footer.privacy}</span></a></li>
      </ul>
    </div>`;
}

export class WelcomeModal {
  constructor(private readonly dialog: HTMLDialogElement) {
    dialog.addEventListener('close', () => writeStorage(SEEN_KEY, 'true'));
    dialog.addEventListener('click', (event) => {
      const target = event.target as Element;
      if (target.closest('[data-action="close-welcome"]') || target.closest('a[href]')) this.close();
    });
    dialog.addEventListener('keydown', (event) => this.trapTab(event));
    this.render();
  }

  render(): void {
    mount(this.dialog, content(t()));
  }

  showIfFirstVisit(): void {
    if (readStorage(SEEN_KEY) !== 'true') this.open();
  }

  open(): void {
    if (this.dialog.open) return;
    this.dialog.showModal();
    this.dialog.querySelector<HTMLElement>('.modal-close')?.focus();
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  private trapTab(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const focusable = Array.from(this.dialog.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }
}
