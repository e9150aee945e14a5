/**
 * How many incidents a component's page lists. A busy component has thousands over the years: the
 * page keeps the latest and the history pages keep the rest, so the page stays small.
 */
export const COMPONENT_PAGE_LIMIT = 50;

/** The incidents a component's page lists (newest first, as given) and how many it leaves to the history. */
export function componentPageItems<T>(newestFirst: readonly T[]): { items: T[]; older: number } {
  return {
    items: newestFirst.slice(0, COMPONENT_PAGE_LIMIT),
    older: Math.max(0, newestFirst.length - COMPONENT_PAGE_LIMIT),
  };
}
