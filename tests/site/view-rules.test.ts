import { describe, expect, it } from 'vitest';
import { COMPONENT_PAGE_LIMIT, componentPageItems } from '../../src/site/component-page.ts';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("a component page's incidents", () => {
  it.each([
    0,
    1,
    COMPONENT_PAGE_LIMIT - 1,
    COMPONENT_PAGE_LIMIT,
    COMPONENT_PAGE_LIMIT + 1,
    4 * COMPONENT_PAGE_LIMIT,
  ])('lists the latest of %i and counts the rest for the history', (n) => {
    const { items, older } = componentPageItems(numbers(n));
    expect(items).toEqual(numbers(Math.min(n, COMPONENT_PAGE_LIMIT)));
    expect(items.length + older).toBe(n);
  });
});
