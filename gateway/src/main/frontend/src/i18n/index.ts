import { en } from './en';
import { es, type Dictionary } from './es';

export type { Dictionary };
export type Language = 'es' | 'en';

export const LANGUAGES: readonly Language[] = ['es', 'en'];
const STORAGE_KEY = 'preregistro.lang';
const dictionaries: Record<Language, Dictionary> = { es, en };

let current: Language = 'es';
const listeners = new Set<(language: Language) => void>();

function isLanguage(value: unknown): value is Language {
  return value === 'es' || value === 'en';
}

/** Spanish first: only a choice the user made on this device switches to English. */
export function initLanguage(): Language {
  current = isLanguage(readStorage(STORAGE_KEY)) ? (readStorage(STORAGE_KEY) as Language) : 'es';
  document.documentElement.lang = current;
  return current;
}

export function language(): Language {
  return current;
}

/** The texts of the current language. */
export function t(): Dictionary {
  return dictionaries[current];
}

export function setLanguage(next: Language): void {
  if (next === current) return;
  current = next;
  writeStorage(STORAGE_KEY, next);
  document.documentElement.lang = next;
  listeners.forEach((listener) => listener(next));
}

export function onLanguageChange(listener: (language: Language) => void): void {
  listeners.add(listener);
}

/** localStorage may be unavailable (private modes, policies): the UI still works, it just forgets. */
export function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStorage(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    /* not persisted */
  }
}
