/** ISO 8601 durations (`P1DT2H30M`, `PT10H`, `P2W`) for estimated effort. */

const DURATION =
  /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;

/** Minutes per unit: years and months as 365 and 30 days. */
const UNITS = [525_600, 43_200, 10_080, 1_440, 60, 1, 1 / 60];

/**
 * The length of an ISO 8601 duration in minutes, or `undefined` when `value` is not one
 * (`P`, `PT` and empty designators are rejected).
 */
export function durationMinutes(value: string): number | undefined {
  const m = DURATION.exec(value.trim());
  if (!m || /T$/i.test(value.trim()) || m.slice(1).every((p) => p === undefined)) return undefined;
  let minutes = 0;
  for (let i = 0; i < UNITS.length; i++) {
    const part = m[i + 1];
    if (part !== undefined) minutes += Number(part.replace(',', '.')) * UNITS[i]!;
  }
  return Number.isFinite(minutes) ? Math.round(minutes * 100) / 100 : undefined;
}

/** Parts of a duration for display: whole hours and remaining minutes (days are kept as hours). */
export function durationParts(minutes: number): { hours: number; minutes: number } {
  const total = Math.max(0, Math.round(minutes));
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}
