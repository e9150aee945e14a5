/** A day's cell on the uptime bar names at most this many incidents, so a busy history cannot bloat the home page. */
export const TITLES_PER_DAY = 3;

/** The incident titles a day's cell names, then `more(count)` for the ones left out. */
export function dayIncidentTitles(titles: readonly string[], more: (count: number) => string): string {
  const shown = titles.slice(0, TITLES_PER_DAY).join('; ');
  return titles.length > TITLES_PER_DAY ? `${shown}; ${more(titles.length - TITLES_PER_DAY)}` : shown;
}
