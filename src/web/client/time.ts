// Plan times are minutes from local midnight of the plan date (the centre's wall clock). The
// timeline needs Dates: they are built in the browser's zone from the same wall-clock minutes
// and read back the same way, so what is shown is the plan's own clock whatever the zone.

export function minutesToDate(date: string, minutes: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, minutes);
}

export function dateToMinutes(date: string, at: Date): number {
  const midnight = minutesToDate(date, 0);
  return Math.round((at.getTime() - midnight.getTime()) / 60_000);
}

export function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function parseHhmm(text: string): number {
  const [h, m] = text.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Today in the browser's zone, YYYY-MM-DD. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
