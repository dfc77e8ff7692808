/** Fills `{name}` placeholders of a text: `fill('Paso {n}', { n: 2 })` → "Paso 2". */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A date-time the server sent (ISO instant), in the reader's language and time zone. */
export function localDateTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang === 'en' ? 'en-GB' : 'es-MX', { dateStyle: 'long', timeStyle: 'short' });
}

/** Today in the browser's calendar, as YYYY-MM-DD. */
export function isoToday(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Adds days (or months) to a YYYY-MM-DD date, in UTC so no time zone shifts the day. */
export function addToIsoDate(iso: string, days: number, months = 0): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** As the servers check (platform `CalendarDate`): no living person was born more than this many years ago. */
export const OLDEST_AGE_YEARS = 130;

/** The earliest birth date the servers accept today, as YYYY-MM-DD. */
export function earliestBirthDate(today = isoToday()): string {
  return addToIsoDate(today, 0, -12 * OLDEST_AGE_YEARS);
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime());
}
