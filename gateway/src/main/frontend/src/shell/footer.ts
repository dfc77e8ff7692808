import { html, type SafeHtml } from '../html';
import type { Dictionary } from '../i18n';
import { icon } from '../icons';
import { CONTACT, paths } from '../paths';
import { href } from '../router';

/** Phone and social accounts of the manual's "Comentarios y/o Dudas" (R-ENT-4). */
export function renderContactLinks(d: Dictionary): SafeHtml {
  return html`<ul class="contact-list">
    <li>${icon('phone')}<span><span class="contact-label">${d.contact.phoneLabel}:</span>
      <a class="phone" href="tel:${CONTACT.phoneTel}">${d.contact.phone}</a></span></li>
    <li>${icon('at')}<span><span class="contact-label">${d.contact.twitter}:</span>
      <a href="${CONTACT.twitterUrl}">${CONTACT.twitterHandle}</a></span></li>
    <li>${icon('at')}<span><span class="contact-label">${d.contact.facebook}:</span>
      <a href="${CONTACT.facebookUrl}">${CONTACT.facebookHandle}</a></span></li>
  </ul>`;
}

export function renderFooter(d: Dictionary): SafeHtml {
  return html`
    <div class="container footer-grid">
      <div class="footer-about">
        <p class="footer-institute">${d.header.institute}</p>
        <p>${d.header.portal}</p>
        <p>${d.footer.free}</p>
      </div>
      <div class="footer-contact">
        <h2 class="footer-title">${d.footer.contactTitle}</h2>
        ${renderContactLinks(d)}
      </div>
    </div>
    <div class="footer-bottom">
      <div class="container footer-bottom-inner">
        <nav aria-label="${d.footer.linksLabel}">
          <ul class="footer-links">
            <li><a href="${href(paths.help)}">${d.footer.help}</a></li>
            <li><a href="${href(paths.privacy)}">${d.footer.privacy}</a></li>
          </ul>
        </nav>
      </div>
    </div>`;
}
