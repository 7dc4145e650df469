// Classification markings of case data (docs/compartments.md): the four names the API sends, in
// increasing order, and the highest of several. An answer over case data carries its own "marking"
// (the highest of the records in it) and each record its own; a screen that draws records from
// several answers shows the highest of those it draws. Pure logic, unit-tested.

export const MARKINGS = ['unmarked', 'official-use', 'secret', 'top-secret'] as const;
export type Marking = (typeof MARKINGS)[number];

export function isMarking(value: unknown): value is Marking {
  return typeof value === 'string' && (MARKINGS as readonly string[]).includes(value);
}

// The rank of a marking; a value the API would never send (a newer name) counts as the highest, so
// that a label is never lowered by a misunderstanding. A missing one (an older server) is unmarked.
function rank(value: string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const index = (MARKINGS as readonly string[]).indexOf(value);
  return index < 0 ? MARKINGS.length - 1 : index;
}

export function highestMarking(values: Iterable<string | null | undefined>): Marking {
  let highest = 0;
  for (const value of values) highest = Math.max(highest, rank(value));
  return MARKINGS[highest] as Marking;
}

// The message key of a marking's label (messages.ts: 'marking.secret').
export function markingKey(marking: Marking): `marking.${Marking}` {
  return `marking.${marking}`;
}

// Colours of the marking banners: the higher, the stronger.
export const MARKING_COLOURS: Record<Marking, { fill: string; text: string }> = {
  'unmarked': { fill: '#e8ecef', text: '#1d232b' },
  'official-use': { fill: '#0b5cad', text: '#ffffff' },
  'secret': { fill: '#b00020', text: '#ffffff' },
  'top-secret': { fill: '#e07b00', text: '#1d232b' },
};
