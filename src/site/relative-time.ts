/**
 * "3 hours ago", "in 25 minutes": how far a time is from a moment, in the page's language. The build
 * writes it relative to the build time and the optional script only refreshes it, so it never
 * appears after first paint and pushes the page down.
 */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 864e5],
  ['hour', 36e5],
  ['minute', 6e4],
];
const formats = new Map<string, Intl.RelativeTimeFormat>();

export function relativePhrase(ms: number, language: string): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    formats.set(language, format);
  }
  const [unit, size] = UNITS.find(([, size]) => Math.abs(ms) >= size) ?? UNITS[2]!;
  return format.format(Math.round(ms / size), unit);
}
