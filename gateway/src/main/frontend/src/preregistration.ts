import type { Language } from './i18n';

/**
 * The pre-registration's data as the UI reads it from preregistration-service (API.md,
 * Pre-registration): the form definition (`GET /api/preregistrations/form`) and a draft
 * (`GET /api/preregistrations/{id}`). Both are read leniently — catalogues and questions may come as
 * plain strings or as objects with Spanish and English labels, lists bare or keyed — so the screens
 * are built from whatever the service publishes, and fall back to the manual's attachment slots.
 */
export type Variant = 'NUE' | 'DIPLOMATIC' | 'NO_NUE';
export const VARIANTS: readonly Variant[] = ['NUE', 'DIPLOMATIC', 'NO_NUE'];

export const TRAVEL_FIELDS = ['entryDate', 'exitDate', 'arrivalAirport', 'airline', 'flightNumber', 'originCountry',
  'originCity', 'purpose'] as const;
export const ADDITIONAL_FIELDS = ['lodgingType', 'lodgingName', 'street', 'city', 'state', 'postalCode', 'phone',
  'occupation'] as const;
export type TravelField = (typeof TRAVEL_FIELDS)[number];
export type AdditionalField = (typeof ADDITIONAL_FIELDS)[number];
export type WizardField = TravelField | AdditionalField;

export interface Option {
  value: string;
  label: string;
}

export interface Question {
  id: string;
  text: string;
}

export interface Slot {
  code: string;
  /** The service's own label, when it gives one. */
  label: string;
}

export interface FormDefinition {
  catalogue(field: WizardField): Option[] | null;
  questions: Question[];
  slots(variant: Variant): Slot[];
  /** `true` / `false` when the service says whether the NUE (or SRE folio) is on file; `null` when it does not say. */
  onFile(variant: Variant): boolean | null;
}

/** R-PRE-4 as the manual lists the slots, when the definition names none. */
const DEFAULT_SLOTS: Record<Variant, string[]> = {
  NUE: ['EXIT_TICKET', 'LODGING'],
  DIPLOMATIC: ['SRE_CARD'],
  NO_NUE: ['EXIT_TICKET', 'LODGING', 'ITINERARY'],
};

const CATALOGUE_KEYS: Record<WizardField, string[]> = {
  entryDate: [],
  exitDate: [],
  arrivalAirport: ['arrivalAirport', 'arrivalAirports', 'airports'],
  airline: ['airline', 'airlines'],
  flightNumber: [],
  originCountry: ['originCountry', 'originCountries', 'countries'],
  originCity: [],
  purpose: ['purpose', 'purposes', 'travelPurposes'],
  lodgingType: ['lodgingType', 'lodgingTypes'],
  lodgingName: [],
  street: [],
  city: [],
  state: ['state', 'states', 'mexicanStates'],
  postalCode: [],
  phone: [],
  occupation: ['occupation', 'occupations'],
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** A text in the reader's language from `{es, en}`, `textEs/textEn`, `label`, ... or a plain string. */
export function localized(value: unknown, lang: Language): string {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return '';
  const upper = lang === 'en' ? 'En' : 'Es';
  for (const key of [lang, `text${upper}`, `label${upper}`, `name${upper}`, `description${upper}`]) {
    if (str(value[key])) return str(value[key]);
  }
  for (const key of ['label', 'name', 'text', 'description', 'title']) {
    const inner = value[key];
    if (str(inner)) return str(inner);
    if (isObject(inner)) {
      const text = localized(inner, lang);
      if (text) return text;
    }
  }
  return lang === 'en' ? str(value['es']) : str(value['en']);
}

function option(raw: unknown, lang: Language): Option | null {
  if (typeof raw === 'string') return { value: raw, label: raw };
  if (!isObject(raw)) return null;
  const value = str(raw['code']) || str(raw['value']) || str(raw['id']) || str(raw['iata']) || str(raw['key']);
  if (!value) return null;
  const label = localized(raw, lang) || value;
  // Airports and the like: the code beside the name helps those who know it from their ticket.
  return { value, label: label === value || label.includes(value) ? label : `${label} (${value})` };
}

function options(raw: unknown, lang: Language): Option[] | null {
  if (Array.isArray(raw)) {
    const list = raw.map((item) => option(item, lang)).filter((o): o is Option => o !== null);
    return list.length > 0 ? list : null;
  }
  if (isObject(raw)) {
    // A map code → label.
    const list = Object.entries(raw).map(([value, label]) => ({ value, label: localized(label, lang) || value }));
    return list.length > 0 ? list : null;
  }
  return null;
}

/** Every field definition object found under the usual keys, by field name. */
function fieldDefinitions(raw: Json): Map<string, Json> {
  const found = new Map<string, Json>();
  const visit = (value: unknown) => {
    const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value['fields']) ? value['fields'] : [];
    for (const item of list as unknown[]) {
      if (isObject(item)) {
        const name = str(item['name']) || str(item['id']) || str(item['field']);
        if (name) found.set(name, item);
      }
    }
  };
  for (const key of ['fields', 'travel', 'travelFields', 'additional', 'additionalFields', 'steps']) {
    const value = raw[key];
    if (key === 'steps' && Array.isArray(value)) value.forEach(visit);
    else visit(value);
  }
  return found;
}

function questionsOf(raw: Json, lang: Language): Question[] {
  const control = isObject(raw['control']) ? raw['control'] : {};
  const list = [raw['questions'], control['questions'], raw['controlQuestions'], raw['control']].find(Array.isArray);
  if (!Array.isArray(list)) return [];
  return list
    .filter(isObject)
    .map((q) => ({ id: str(q['id']) || str(q['code']), text: localized(q, lang) || localized(q['text'], lang) }))
    .filter((q) => q.id);
}

function slotOf(raw: unknown, lang: Language): Slot | null {
  if (typeof raw === 'string') return { code: raw, label: '' };
  if (!isObject(raw)) return null;
  const code = str(raw['slot']) || str(raw['code']) || str(raw['id']) || str(raw['name']);
  return code ? { code, label: localized(raw['label'], lang) || localized({ es: raw['es'], en: raw['en'] }, lang) } : null;
}

function slotsOf(raw: Json, variant: Variant, lang: Language): Slot[] {
  for (const key of ['attachments', 'attachmentSlots', 'slots']) {
    const value = raw[key];
    if (isObject(value) && Array.isArray(value[variant])) {
      return (value[variant] as unknown[]).map((s) => slotOf(s, lang)).filter((s): s is Slot => s !== null);
    }
    if (Array.isArray(value) && value.some(isObject)) {
      const forVariant = value.filter(isObject).filter((s) => {
        const variants = s['variants'] ?? s['variant'];
        return Array.isArray(variants) ? variants.includes(variant) : variants === variant;
      });
      if (forVariant.length > 0) return forVariant.map((s) => slotOf(s, lang)).filter((s): s is Slot => s !== null);
    }
  }
  return DEFAULT_SLOTS[variant].map((code) => ({ code, label: '' }));
}

function onFileOf(raw: Json, variant: Variant): boolean | null {
  if (variant === 'NO_NUE') return true;
  const keys = variant === 'NUE' ? ['nueOnFile', 'hasNue', 'knownNue'] : ['sreFolioOnFile', 'hasSreFolio', 'knownSreFolio'];
  const holders = [raw, raw['traveller'], raw['traveler'], raw['profile']].filter(isObject);
  for (const holder of holders) {
    for (const key of keys) {
      if (typeof holder[key] === 'boolean') return holder[key] as boolean;
    }
  }
  return null;
}

export function readFormDefinition(raw: unknown, lang: Language): FormDefinition {
  const root = isObject(raw) ? raw : {};
  const catalogues = isObject(root['catalogues']) ? root['catalogues'] : isObject(root['catalogs']) ? root['catalogs'] : root;
  const definitions = fieldDefinitions(root);
  return {
    catalogue(field) {
      const definition = definitions.get(field);
      if (definition) {
        const own = options(definition['options'] ?? definition['values'], lang);
        if (own) return own;
        const named = str(definition['catalogue']) || str(definition['catalog']);
        if (named && catalogues[named] !== undefined) return options(catalogues[named], lang);
      }
      for (const key of CATALOGUE_KEYS[field]) {
        if (catalogues[key] !== undefined) {
          const found = options(catalogues[key], lang);
          if (found) return found;
        }
      }
      return null;
    },
    questions: questionsOf(root, lang),
    slots: (variant) => slotsOf(root, variant, lang),
    onFile: (variant) => onFileOf(root, variant),
  };
}

/** A draft as `GET /api/preregistrations/{id}` returns it, read leniently. */
export interface Draft {
  id: string;
  documentId: string;
  variant: Variant;
  status: string;
  travel: Partial<Record<TravelField, string>> | null;
  additional: Partial<Record<AdditionalField, string>> | null;
  answers: Record<string, boolean> | null;
  attachments: Set<string>;
  message: string;
}

function section<K extends string>(raw: Json, key: string, fields: readonly K[]): Partial<Record<K, string>> | null {
  const holder = isObject(raw[key]) ? (raw[key] as Json) : null;
  if (!holder) return null;
  const out: Partial<Record<K, string>> = {};
  let any = false;
  for (const field of fields) {
    const value = str(holder[field]);
    if (value) {
      out[field] = value;
      any = true;
    }
  }
  return any ? out : null;
}

function answersOf(raw: Json): Record<string, boolean> | null {
  const control = isObject(raw['control']) ? raw['control'] : null;
  const answers = control && isObject(control['answers']) ? control['answers'] : isObject(raw['answers']) ? raw['answers'] : null;
  if (!answers) return null;
  const out: Record<string, boolean> = {};
  for (const [id, value] of Object.entries(answers)) if (typeof value === 'boolean') out[id] = value;
  return Object.keys(out).length > 0 ? out : null;
}

function attachmentsOf(raw: Json): Set<string> {
  const value = raw['attachments'];
  const found = new Set<string>();
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'string') found.add(item);
      else if (isObject(item)) {
        const code = str(item['slot']) || str(item['code']);
        const uploaded = item['uploaded'] ?? item['present'] ?? true;
        if (code && uploaded !== false) found.add(code);
      }
    }
  } else if (isObject(value)) {
    for (const [code, item] of Object.entries(value)) if (item !== null && item !== false) found.add(code);
  }
  return found;
}

export function readDraft(raw: unknown): Draft {
  const root = isObject(raw) ? raw : {};
  const variant = str(root['variant']);
  return {
    id: str(root['id']),
    documentId: str(root['documentId']),
    variant: (VARIANTS as readonly string[]).includes(variant) ? (variant as Variant) : 'NO_NUE',
    status: str(root['status']) || 'DRAFT',
    travel: section(root, 'travel', TRAVEL_FIELDS),
    additional: section(root, 'additional', ADDITIONAL_FIELDS),
    answers: answersOf(root),
    attachments: attachmentsOf(root),
    message: str(root['message']),
  };
}

/** When a 409 RETRY_BLOCKED lifts, from the problem's members (an ISO instant under one of the usual names). */
export function blockLiftsAt(extra: Record<string, unknown>): string | null {
  for (const key of ['retryAllowedAt', 'blockedUntil', 'retryAfter', 'retryAt', 'liftsAt', 'until', 'availableAt']) {
    const value = str(extra[key]);
    if (value && !Number.isNaN(Date.parse(value))) return value;
  }
  return null;
}
