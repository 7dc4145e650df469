// Presentation of API values in the three interface languages. Pure functions, no DOM.
// A null value is shown as the translated word "unknown", never as 0 or an empty string.
import type { Bound, Lang, Precision } from './types';

const UNKNOWN: Record<Lang, string> = { en: 'unknown', ru: 'неизвестно', ky: 'белгисиз' };
const NBSP = '\u00a0';

export function unknownText(lang: Lang): string {
  return UNKNOWN[lang];
}

export function orUnknown(value: string | number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return UNKNOWN[lang];
  return String(value);
}

function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

// Full integer with thousands grouping: 519,000,000 (en), 519 000 000 (ru, ky; no-break spaces).
export function formatInteger(value: number | null, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return UNKNOWN[lang];
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(value)));
  return sign + groupDigits(digits, lang === 'en' ? ',' : NBSP);
}

export function formatDecimal(value: number | null, fractionDigits: number, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return UNKNOWN[lang];
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = groupDigits(whole, lang === 'en' ? ',' : NBSP);
  const sign = value < 0 ? '-' : '';
  return sign + (fraction ? `${grouped}${lang === 'en' ? '.' : ','}${fraction}` : grouped);
}

// The mark shown before a value that is a lower bound ("more than ..." in the source).
export const LOWER_BOUND_MARK = '≥';

// A USD amount as the table shows it: exact digits, "≥ " before a lower bound.
export function formatUsd(value: number | null, bound: Bound, lang: Lang): string {
  if (value === null) return UNKNOWN[lang];
  const digits = formatInteger(value, lang);
  return bound === 'lower_bound' ? `${LOWER_BOUND_MARK}${NBSP}${digits}` : digits;
}

const COMPACT: Record<Lang, { bn: string; mn: string; k: string }> = {
  en: { bn: 'bn', mn: 'mn', k: 'thousand' },
  ru: { bn: 'млрд', mn: 'млн', k: 'тыс.' },
  ky: { bn: 'млрд', mn: 'млн', k: 'миң' },
};

// A short USD amount for chart labels: $519 mn, 22,7 млрд $.
export function formatUsdCompact(value: number | null, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return UNKNOWN[lang];
  const units = COMPACT[lang];
  const abs = Math.abs(value);
  let number: string;
  if (abs >= 1e9) number = `${trimZeros(formatDecimal(value / 1e9, 1, lang))}${NBSP}${units.bn}`;
  else if (abs >= 1e6) number = `${trimZeros(formatDecimal(value / 1e6, 1, lang))}${NBSP}${units.mn}`;
  else if (abs >= 1e3) number = `${trimZeros(formatDecimal(value / 1e3, 1, lang))}${NBSP}${units.k}`;
  else number = formatInteger(value, lang);
  return lang === 'en' ? `$${number}` : `${number}${NBSP}$`;
}

function trimZeros(text: string): string {
  return text.replace(/[.,]0$/, '');
}

// A share in [0, 1] as a percentage with one decimal: 99.8% (en), 99,8 % (ru, ky).
export function formatShare(share: number | null, lang: Lang): string {
  if (share === null || !Number.isFinite(share)) return UNKNOWN[lang];
  const number = formatDecimal(share * 100, 1, lang);
  return lang === 'en' ? `${number}%` : `${number}${NBSP}%`;
}

const MONTHS: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'],
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь',
    'октябрь', 'ноябрь', 'декабрь'],
  ky: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь',
    'октябрь', 'ноябрь', 'декабрь'],
};
// Russian day dates take the genitive ("29 января"); Kyrgyz ones the possessive ("29-январы").
const RU_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа',
  'сентября', 'октября', 'ноября', 'декабря'];
const KY_POSSESSIVE = ['январы', 'февралы', 'марты', 'апрели', 'майы', 'июну', 'июлу', 'августу',
  'сентябры', 'октябры', 'ноябры', 'декабры'];
const EN_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function precisionOf(text: string): Precision | null {
  if (/^\d{4}$/.test(text)) return 'year';
  if (/^\d{4}-\d{2}$/.test(text)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'day';
  return null;
}

// A partial ISO date (yyyy, yyyy-mm or yyyy-mm-dd) in words, no more precise than it is:
// "29 January 1992", "29 января 1992 г.", "1992-жылдын 29-январы"; "1992" stays a year.
export function formatPartialDate(text: string | null, lang: Lang, precision?: Precision | null): string {
  if (text === null || text === undefined || text === '') return UNKNOWN[lang];
  const known = precisionOf(text);
  if (known === null) return text;
  const effective = precision && rank(precision) < rank(known) ? precision : known;
  const year = Number(text.slice(0, 4));
  const month = effective === 'year' ? 0 : Number(text.slice(5, 7));
  const day = effective === 'day' ? Number(text.slice(8, 10)) : 0;
  if (month < 0 || month > 12 || (effective !== 'year' && month === 0)) return text;
  const m = month - 1;
  switch (lang) {
    case 'en':
      if (effective === 'year') return `${year}`;
      if (effective === 'month') return `${MONTHS.en[m]} ${year}`;
      return `${day} ${MONTHS.en[m]} ${year}`;
    case 'ru':
      if (effective === 'year') return `${year}${NBSP}г.`;
      if (effective === 'month') return `${MONTHS.ru[m]} ${year}${NBSP}г.`;
      return `${day} ${RU_GENITIVE[m]} ${year}${NBSP}г.`;
    case 'ky':
      if (effective === 'year') return `${year}-ж.`;
      if (effective === 'month') return `${year}-жылдын ${KY_POSSESSIVE[m]}`;
      return `${year}-жылдын ${day}-${KY_POSSESSIVE[m]}`;
  }
}

function rank(precision: Precision): number {
  return precision === 'year' ? 0 : precision === 'month' ? 1 : 2;
}

const FULL_YEAR: Record<Lang, string> = { en: 'full year', ru: 'весь год', ky: 'толук жыл' };

export function isFullYear(period: string | null): boolean {
  return period !== null && period.trim().toLowerCase() === 'full year';
}

// "full year" or a month range such as "Jan-Sep", in the interface language. Any other text is
// shown as the source gives it.
export function formatPeriod(period: string | null, lang: Lang): string {
  if (period === null || period.trim() === '') return UNKNOWN[lang];
  if (isFullYear(period)) return FULL_YEAR[lang];
  const match = /^([A-Z][a-z]{2})\s*[-–]\s*([A-Z][a-z]{2})$/.exec(period.trim());
  if (!match) return period;
  const from = EN_SHORT.indexOf(match[1] ?? '');
  const to = EN_SHORT.indexOf(match[2] ?? '');
  if (from < 0 || to < 0) return period;
  if (lang === 'en') return `${EN_SHORT[from]}–${EN_SHORT[to]}`;
  return `${MONTHS[lang][from]}–${MONTHS[lang][to]}`;
}

const SHORT_MONTHS: Record<Lang, string[]> = {
  en: EN_SHORT,
  ru: ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  ky: ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
};

// A part-year period short enough for a chart: "Jan–Sep", "янв–сен"; null for a full year.
export function formatPeriodShort(period: string | null, lang: Lang): string | null {
  if (isFullYear(period)) return null;
  if (period === null || period.trim() === '') return UNKNOWN[lang];
  const match = /^([A-Z][a-z]{2})\s*[-–]\s*([A-Z][a-z]{2})$/.exec(period.trim());
  const from = match ? EN_SHORT.indexOf(match[1] ?? '') : -1;
  const to = match ? EN_SHORT.indexOf(match[2] ?? '') : -1;
  if (from < 0 || to < 0) return period;
  return `${SHORT_MONTHS[lang][from]}–${SHORT_MONTHS[lang][to]}`;
}

const UNITS: Record<Lang, Record<string, string>> = {
  en: { kg: 'kg', t: 't', ha: 'ha', USD: 'USD', percent: '%' },
  ru: { kg: 'кг', t: 'т', ha: 'га', USD: 'долл. США', percent: '%' },
  ky: { kg: 'кг', t: 'т', ha: 'га', USD: 'АКШ доллары', percent: '%' },
};

// A fact's quantity with its unit: "19.91 kg", "19,91 кг"; unknown when there is none.
export function formatQuantity(quantity: number | null, unit: string | null, lang: Lang): string {
  if (quantity === null || !Number.isFinite(quantity)) return UNKNOWN[lang];
  const decimals = Number.isInteger(quantity) ? 0 : Math.min(3, (String(quantity).split('.')[1] ?? '').length);
  const number = decimals === 0 ? formatInteger(quantity, lang) : formatDecimal(quantity, decimals, lang);
  if (unit === null || unit === '') return number;
  const label = UNITS[lang][unit] ?? unit;
  return unit === 'percent' ? (lang === 'en' ? `${number}%` : `${number}${NBSP}%`) : `${number}${NBSP}${label}`;
}

// Coordinates as signed decimal degrees, latitude first: "42.8747, 74.6122" (en),
// "42,8747; 74,6122" (ru, ky, where the comma is the decimal separator); null without both.
export function formatCoordinates(lat: number | null, lon: number | null, lang: Lang): string | null {
  if (lat === null || lon === null || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  const separator = lang === 'en' ? ', ' : '; ';
  return `${formatDecimal(lat, 4, lang)}${separator}${formatDecimal(lon, 4, lang)}`;
}
