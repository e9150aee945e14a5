import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { componentBadge, pageBadge } from '../../src/feeds/badge.ts';
import { FILES } from './fixture.ts';
import { CONFIG, NOW, publicModel } from './helpers.ts';

const model = publicModel(FILES);

function read(svg: string) {
  expect(XMLValidator.validate(svg)).toBe(true);
  const root = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg).svg;
  const fills = [...svg.matchAll(/<rect[^>]* fill="#([0-9a-f]{3}|[0-9a-f]{6})"/g)].map((m) =>
    m[1]!.replace(/^(.)(.)(.)$/, '$1$1$2$2$3$3'),
  );
  return {
    title: root.title as string,
    role: root.role as string,
    label: root['aria-label'] as string,
    height: Number(root.height),
    fills,
  };
}

/** WCAG relative-luminance contrast of white text on a colour. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i - 1, i + 1), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe('badges', () => {
  it('show the page status with an accessible name, in the shields.io shape', () => {
    const svg = pageBadge(model, NOW);
    expect(read(svg)).toMatchObject({
      title: 'Test Cloud: Partially degraded service',
      role: 'img',
      label: 'Test Cloud: Partially degraded service',
      height: 20,
    });
    expect(svg.length).toBeLessThan(2048);
  });

  it("show one component's status in a colour with AA contrast for the white text", () => {
    const expectations = {
      api: 'Operational',
      auth: 'Degraded performance',
      web: 'Under maintenance',
    };
    const seen = new Set<string>();
    expect(contrastWithWhite('ffffff')).toBeCloseTo(1);
    for (const [id, message] of Object.entries(expectations)) {
      const badge = read(
        componentBadge(
          model,
          NOW,
          model.components.find((c) => c.id === id)!,
        ),
      );
      expect(badge.title).toBe(`${model.components.find((c) => c.id === id)!.name}: ${message}`);
      for (const fill of badge.fills) expect(contrastWithWhite(fill)).toBeGreaterThanOrEqual(4.5);
      seen.add(badge.fills[1]!);
    }
    expect(seen.size).toBe(3);
  });

  it('escape names', () => {
    const tricky = publicModel({
      'components.yaml': CONFIG.replace('name: Website', 'name: "<b>Web</b> & \\"co\\""'),
    });
    const badge = read(
      componentBadge(
        tricky,
        NOW,
        tricky.components.find((c) => c.id === 'web')!,
      ),
    );
    expect(badge.title).toBe('<b>Web</b> & "co": Operational');
    expect(
      componentBadge(
        tricky,
        NOW,
        tricky.components.find((c) => c.id === 'web')!,
      ),
    ).not.toContain('<b>');
  });
});
