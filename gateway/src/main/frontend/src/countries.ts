/**
 * Nationalities offered when creating an account: ICAO Doc 9303 / ISO 3166 alpha-3 codes with
 * Spanish and English names. Colombia first (the platform's travellers), then the Americas, Spain
 * and other frequent nationalities, sorted by name in the UI language.
 */
export interface Country {
  code: string;
  es: string;
  en: string;
}

export const FIRST_COUNTRY = 'COL';

export const COUNTRIES: readonly Country[] = [
  { code: 'COL', es: 'Colombia', en: 'Colombia' },
  { code: 'ATG', es: 'Antigua y Barbuda', en: 'Antigua and Barbuda' },
  { code: 'ARG', es: 'Argentina', en: 'Argentina' },
  { code: 'BHS', es: 'Bahamas', en: 'Bahamas' },
  { code: 'BRB', es: 'Barbados', en: 'Barbados' },
  { code: 'BLZ', es: 'Belice', en: 'Belize' },
  { code: 'BOL', es: 'Bolivia', en: 'Bolivia' },
  { code: 'BRA', es: 'Brasil', en: 'Brazil' },
  { code: 'CAN', es: 'Canadá', en: 'Canada' },
  { code: 'CHL', es: 'Chile', en: 'Chile' },
  { code: 'CRI', es: 'Costa Rica', en: 'Costa Rica' },
  { code: 'CUB', es: 'Cuba', en: 'Cuba' },
  { code: 'DMA', es: 'Dominica', en: 'Dominica' },
  { code: 'ECU', es: 'Ecuador', en: 'Ecuador' },
  { code: 'SLV', es: 'El Salvador', en: 'El Salvador' },
  { code: 'USA', es: 'Estados Unidos de América', en: 'United States of America' },
  { code: 'GRD', es: 'Granada', en: 'Grenada' },
  { code: 'GTM', es: 'Guatemala', en: 'Guatemala' },
  { code: 'GUY', es: 'Guyana', en: 'Guyana' },
  { code: 'HTI', es: 'Haití', en: 'Haiti' },
  { code: 'HND', es: 'Honduras', en: 'Honduras' },
  { code: 'JAM', es: 'Jamaica', en: 'Jamaica' },
  { code: 'MEX', es: 'México', en: 'Mexico' },
  { code: 'NIC', es: 'Nicaragua', en: 'Nicaragua' },
  { code: 'PAN', es: 'Panamá', en: 'Panama' },
  { code: 'PRY', es: 'Paraguay', en: 'Paraguay' },
  { code: 'PER', es: 'Perú', en: 'Peru' },
  { code: 'DOM', es: 'República Dominicana', en: 'Dominican Republic' },
  { code: 'KNA', es: 'San Cristóbal y Nieves', en: 'Saint Kitts and Nevis' },
  { code: 'VCT', es: 'San Vicente y las Granadinas', en: 'Saint Vincent and the Grenadines' },
  { code: 'LCA', es: 'Santa Lucía', en: 'Saint Lucia' },
  { code: 'SUR', es: 'Surinam', en: 'Suriname' },
  { code: 'TTO', es: 'Trinidad y Tobago', en: 'Trinidad and Tobago' },
  { code: 'URY', es: 'Uruguay', en: 'Uruguay' },
  { code: 'VEN', es: 'Venezuela', en: 'Venezuela' },
  { code: 'ESP', es: 'España', en: 'Spain' },
  { code: 'DEU', es: 'Alemania', en: 'Germany' },
  { code: 'FRA', es: 'Francia', en: 'France' },
  { code: 'GBR', es: 'Reino Unido', en: 'United Kingdom' },
  { code: 'ITA', es: 'Italia', en: 'Italy' },
  { code: 'PRT', es: 'Portugal', en: 'Portugal' },
];

/** Colombia first, the rest by name in the given language. */
export function sortedCountries(lang: 'es' | 'en'): Country[] {
  const first = COUNTRIES.filter((c) => c.code === FIRST_COUNTRY);
  const rest = COUNTRIES.filter((c) => c.code !== FIRST_COUNTRY).sort((a, b) => a[lang].localeCompare(b[lang], lang));
  return [...first, ...rest];
}
