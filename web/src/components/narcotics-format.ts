// Presentation helpers of the Seizures screen: drug names, kilograms, p-values and the label that
// marks synthetic records.
import { h } from '../dom';
import { formatDecimal, unknownText } from '../format';
import { translateOpen } from '../i18n';
import type { Lang } from '../types';
import type { Ctx } from './common';

const NBSP = '\u00a0';
const KG: Record<Lang, string> = { en: 'kg', ru: 'кг', ky: 'кг' };

// A drug of the vocabulary in the interface language; an unknown term as the data gives it.
export function drugName(drug: string | null, ctx: Ctx): string {
  if (drug === null) return unknownText(ctx.lang);
  return translateOpen(ctx.t, 'drug', drug) ?? drug;
}

// Kilograms with a precision that suits the size: 0.004 kg, 12.5 kg, 62,916 kg.
export function formatKg(kg: number | null, lang: Lang): string {
  if (kg === null || !Number.isFinite(kg)) return unknownText(lang);
  const abs = Math.abs(kg);
  const digits = abs >= 100 ? 0 : abs >= 1 ? 1 : 3;
  return `${formatDecimal(kg, digits, lang)}${NBSP}${KG[lang]}`;
}

// A p-value: "< 0.001" below a thousandth, else three decimals.
export function formatP(p: number | null, lang: Lang): string {
  if (p === null || !Number.isFinite(p)) return unknownText(lang);
  if (p < 0.001) return `<${NBSP}${formatDecimal(0.001, 3, lang)}`;
  return formatDecimal(p, 3, lang);
}

// The label on everything drawn from synthetic records.
export function syntheticBanner(ctx: Ctx, testId = 'synthetic-banner'): HTMLElement {
  return h('p', { class: 'synthetic-banner', role: 'note', 'data-testid': testId },
    h('strong', null, ctx.t('seizures.syntheticTag')), ' ', ctx.t('seizures.syntheticText'));
}

export function syntheticTag(ctx: Ctx): HTMLElement {
  return h('span', { class: 'synthetic-tag', 'data-testid': 'synthetic-tag' }, ctx.t('seizures.syntheticTag'));
}
