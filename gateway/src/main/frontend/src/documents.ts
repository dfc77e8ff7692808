import { COUNTRIES } from './countries';
import type { Language } from './i18n';

/** A registered document as `GET /api/documents` returns it (API.md, Documents). */
export interface RegisteredDocument {
  id: string;
  documentType?: string;
  issuingState?: string;
  documentNumber: string;
  surname?: string;
  givenNames?: string;
  nationality?: string;
  birthDate?: string;
  sex?: string;
  expiryDate?: string;
  classification?: string;
  status: string;
  /** Its deletion was asked for and waits for the answer of the pre-registrations (R-DOC-9). */
  deleting?: boolean;
}

export function countryName(code: string | undefined, lang: Language): string {
  if (!code) return '';
  const country = COUNTRIES.find((c) => c.code === code);
  return country ? `${country[lang]} (${code})` : code;
}

export function holderName(doc: RegisteredDocument): string {
  return [doc.givenNames, doc.surname].filter(Boolean).join(' ');
}
