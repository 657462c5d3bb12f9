// Report periods as offices name them: the first semester (enero–junio), the second
// (julio–diciembre) and the whole year, as ISO dates for the date inputs.

export type Preset = 'first' | 'second' | 'year';

export interface Period {
  from: string;
  to: string;
}

export function presetPeriod(year: number, preset: Preset): Period {
  switch (preset) {
    case 'first':
      return { from: `${year}-01-01`, to: `${year}-06-30` };
    case 'second':
      return { from: `${year}-07-01`, to: `${year}-12-31` };
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
}

/** The semester `today` falls in. */
export function currentSemester(today: Date): { year: number; preset: Preset } {
  return { year: today.getFullYear(), preset: today.getMonth() < 6 ? 'first' : 'second' };
}

/** The preset a period matches, if any (so the matching button shows as chosen). */
export function matchPreset(period: Period, year: number): Preset | null {
  for (const preset of ['first', 'second', 'year'] as const) {
    const p = presetPeriod(year, preset);
    if (p.from === period.from && p.to === period.to) return preset;
  }
  return null;
}

/** The years that have activities (from `YYYY` or `YYYY-MM` counts; a count of 0 is no data), newest first, with `always`. */
export function yearsWithData(months: readonly { key: string; count?: number | bigint }[], always: number): number[] {
  const years = new Set<number>([always]);
  for (const m of months) {
    if (m.count !== undefined && Number(m.count) === 0) continue;
    const y = Number(m.key.slice(0, 4));
    if (Number.isInteger(y) && y > 0) years.add(y);
  }
  return [...years].sort((a, b) => b - a);
}
