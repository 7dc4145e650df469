// The interface language: chosen by ?lang= in the page address so that a link keeps it.
import { en, ky, ru, type MessageKey, type Messages } from './messages';
import type { Lang } from './types';

export const LANGS: readonly Lang[] = ['en', 'ru', 'ky'];
export const LANG_NAMES: Record<Lang, string> = { en: 'English', ru: 'Русский', ky: 'Кыргызча' };

const CATALOGS: Record<Lang, Messages> = { en, ru, ky };

export function isLang(value: string | null | undefined): value is Lang {
  return value === 'en' || value === 'ru' || value === 'ky';
}

export function langFromSearch(search: string): Lang {
  const value = new URLSearchParams(search).get('lang');
  return isLang(value) ? value : 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const catalog = CATALOGS[lang];
  return (key, params) => {
    let text: string = catalog[key] ?? en[key] ?? key;
    if (params) {
      for (const [name, value] of Object.entries(params)) text = text.split(`{${name}}`).join(String(value));
    }
    return text;
  };
}

// Keys whose set is open (roles, kinds, topics, blocs): the data's own word when no translation.
export function translateOpen(t: Translate, prefix: string, value: string | null): string | null {
  if (value === null) return null;
  const key = `${prefix}.${value}` as MessageKey;
  return key in en ? t(key) : value;
}

const REGIONS: Record<'ru' | 'ky', Record<string, string>> = {
  ru: {
    Africa: 'Африка', Americas: 'Америка', Asia: 'Азия', Europe: 'Европа', Oceania: 'Океания',
    'Australia and New Zealand': 'Австралия и Новая Зеландия', 'Central Asia': 'Центральная Азия',
    'Eastern Asia': 'Восточная Азия', 'Eastern Europe': 'Восточная Европа',
    'Latin America and the Caribbean': 'Латинская Америка и Карибский бассейн',
    Melanesia: 'Меланезия', Micronesia: 'Микронезия', 'Northern Africa': 'Северная Африка',
    'Northern America': 'Северная Америка', 'Northern Europe': 'Северная Европа',
    Polynesia: 'Полинезия', 'South-eastern Asia': 'Юго-Восточная Азия', 'Southern Asia': 'Южная Азия',
    'Southern Europe': 'Южная Европа', 'Sub-Saharan Africa': 'Африка к югу от Сахары',
    'Western Asia': 'Западная Азия', 'Western Europe': 'Западная Европа',
  },
  ky: {
    Africa: 'Африка', Americas: 'Америка', Asia: 'Азия', Europe: 'Европа', Oceania: 'Океания',
    'Australia and New Zealand': 'Австралия жана Жаңы Зеландия', 'Central Asia': 'Борбордук Азия',
    'Eastern Asia': 'Чыгыш Азия', 'Eastern Europe': 'Чыгыш Европа',
    'Latin America and the Caribbean': 'Латын Америкасы жана Кариб бассейни',
    Melanesia: 'Меланезия', Micronesia: 'Микронезия', 'Northern Africa': 'Түндүк Африка',
    'Northern America': 'Түндүк Америка', 'Northern Europe': 'Түндүк Европа',
    Polynesia: 'Полинезия', 'South-eastern Asia': 'Түштүк-Чыгыш Азия', 'Southern Asia': 'Түштүк Азия',
    'Southern Europe': 'Түштүк Европа', 'Sub-Saharan Africa': 'Сахаранын түштүгүндөгү Африка',
    'Western Asia': 'Батыш Азия', 'Western Europe': 'Батыш Европа',
  },
};

// UN M49 region and subregion names (English in the API) in the interface language.
export function regionName(name: string | null, lang: Lang): string | null {
  if (name === null || lang === 'en') return name;
  return REGIONS[lang][name] ?? name;
}
