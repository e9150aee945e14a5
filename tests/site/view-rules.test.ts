import { describe, expect, it } from 'vitest';
import { COMPONENT_PAGE_LIMIT, componentPageItems } from '../../src/site/component-page.ts';
import { dayIncidentTitles, TITLES_PER_DAY } from '../../src/site/uptime-day.ts';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("a component page's incidents", () => {
  it.each([0, 1, COMPONENT_PAGE_LIMIT - 1, COMPONENT_PAGE_LIMIT, COMPONENT_PAGE_LIMIT + 1, 4 * COMPONENT_PAGE_LIMIT])('lists the latest of %i and counts the rest for the history', (n) => {
    const { items, older } = componentPageItems(numbers(n));
    expect(items).toEqual(numbers(Math.min(n, COMPONENT_PAGE_LIMIT)));
    expect(items.length + older).toBe(n);
  });
});

describe("a day's cell on the uptime bar", () => {
  const titles = (n: number) => numbers(n).map((i) => `Incident ${i}`);
  const more = (count: number) => `and ${count} more`;

  it('names every incident of a quiet day', () => {
    expect(dayIncidentTitles(titles(TITLES_PER_DAY), more)).toBe(titles(TITLES_PER_DAY).join('; '));
    expect(dayIncidentTitles([], more)).toBe('');
  });

  it('names the first few of a busy day and counts the others', () => {
    expect(dayIncidentTitles(titles(TITLES_PER_DAY + 4), more)).toBe(`${titles(TITLES_PER_DAY).join('; ')}; and 4 more`);
  });
});
