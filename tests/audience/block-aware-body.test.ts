import { describe, expect, it } from 'vitest';
import { forAudience } from '../../src/core/audience.ts';
import { loadRepository } from '../../src/core/load-repository.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const CONFIG = `page: { name: Acme, url: https://status.acme.test/, timezone: UTC }
components:
  - { id: api, name: API }
  - { id: vault, name: Vault, visibility: internal }
`;
const bytes = (text: string) => new TextEncoder().encode(text);
const FRONT = '---\ntitle: Errors\nimpact: major\ncomponents:\n  api: partial_outage\n';

function load(incident: string) {
  return loadRepository(
    {
      config: { path: 'components.yaml', bytes: bytes(CONFIG) },
      incidents: [{ path: 'incidents/2026-11-23-errors.md', bytes: bytes(incident) }],
    },
    { now: NOW },
  );
}
const found = (incident: string) =>
  load(incident).diagnostics.map((d) => `${d.line} ${d.severity} ${d.code}`);
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const lastLineOf = (text: string, needle: string) =>
  text.split('\n').findLastIndex((l) => l.includes(needle)) + 1;

/** Every way a line can head an update or the postmortem. */
const HEADINGS = [
  '## 2026-11-23 10:00 UTC · Resolved',
  '## 2026-11-23 10:00 UTC - Resolved',
  '## 2026-11-23T10:00Z | resolved ##',
  '   ## 2026-11-23 10:00 UTC — Monitoring',
  '## Postmortem',
  '##   Post-mortem',
  '## Something else',
];
const U1 = '## 2026-11-23 09:00 UTC · Investigating\nWe are looking.\n';
const U2 = '## 2026-11-23 11:00 UTC · Identified\nFound it.\n';
/** Where an internal block can stand in a body, with the heading put inside it. */
const PLACES: Record<string, (heading: string) => string> = {
  summary: (h) =>
    `${FRONT}---\nSummary.\n\n<!-- internal -->\nsecret\n\n${h}\nSECRET-AFTER\n<!-- /internal -->\n\n${U1}`,
  update: (h) =>
    `${FRONT}---\nSummary.\n\n${U1}\n<!-- internal -->\nsecret\n\n${h}\nSECRET-AFTER\n<!-- /internal -->\n\n${U2}`,
  postmortem: (h) =>
    `${FRONT}---\nSummary.\n\n${U1}\n## 2026-11-23 11:00 UTC · Resolved\nFixed.\n\n## Postmortem\nCause.\n\n<!-- internal -->\n${h}\nSECRET-AFTER\n<!-- /internal -->\n`,
};

describe('a heading inside an internal block', () => {
  for (const [place, make] of Object.entries(PLACES)) {
    it.each(HEADINGS)(
      `in the ${place}: %s is an error on its line, and nothing after it is public`,
      (heading) => {
        const text = make(heading);
        const result = load(text);
        expect(found(text)).toContain(
          `${lastLineOf(text, heading.trim())} error heading-in-internal-block`,
        );
        // Nothing published from a model with errors; and even so, the block stays whole.
        const view = result.model && forAudience(result.model, 'public');
        expect(JSON.stringify(view?.incidents ?? [])).not.toContain('SECRET-AFTER');
      },
    );
  }

  it('is no error outside blocks, nor for ### headings inside one', () => {
    const text = `${FRONT}---\nSummary.\n\n${U1}\n<!-- internal -->\n### 2026-11-23 09:30 UTC · Note\nnot public\n<!-- /internal -->\n\n${U2}`;
    expect(found(text).filter((d) => d.includes('error'))).toEqual([]);
  });
});

describe('near-miss markers', () => {
  it.each([
    ['in a blockquote', '> <!-- internal -->'],
    ['as a list item', '- <!-- internal -->'],
    ['with more words', '<!-- internal: ops only -->'],
    ['misspelt spacing', '<!-- / internal -->'],
    ['after text', 'Note <!-- internal -->'],
    ['over two lines', '<!--\ninternal\n-->'],
    ['a different word', '<!-- INTERNAL ONLY -->'],
  ])('warn %s', (_, marker) => {
    const text = `${FRONT}---\nSummary.\n\n${U1}\n${marker}\nleaked text\n`;
    expect(found(text)).toContain(
      `${lineOf(text, marker.split('\n')[0]!)} warning internal-marker-near-miss`,
    );
  });

  it('are not warned about for real markers or comments not about internal text', () => {
    const text = `${FRONT}---\nSummary <!-- shorter next time -->.\n\n${U1}\n<!-- INTERNAL -->\nx\n<!-- end internal -->\n`;
    expect(found(text).filter((d) => d.includes('near-miss'))).toEqual([]);
  });

  it('are warned about in the workaround too', () => {
    const text = `${FRONT}workaround: |\n  Retry.\n  > <!-- internal -->\n  Use the VPN.\n---\nSummary.\n\n${U1}`;
    expect(found(text)).toContain('8 warning internal-marker-near-miss');
  });
});

describe('the workaround', () => {
  it('reports an unterminated internal block on its line', () => {
    const text = `${FRONT}workaround: |\n  Retry.\n\n  <!-- internal -->\n  Use the VPN.\n---\nSummary.\n\n${U1}`;
    expect(found(text)).toContain('9 error internal-block-unterminated');
  });
});

describe('wholly internal text leaves no trace in the public view', () => {
  const internal = '<!-- internal -->\nOnly for us.\n<!-- /internal -->\n';
  it('drops an Update whose text is all internal', () => {
    const text = `${FRONT}---\nSummary.\n\n${U1}\n## 2026-11-23 10:00 UTC · Update\n${internal}\n${U2}`;
    const { model, diagnostics } = load(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(forAudience(model!, 'public').incidents[0]!.updates.map((u) => u.written)).toEqual([
      'investigating',
      'identified',
    ]);
    expect(forAudience(model!, 'internal').incidents[0]!.updates).toHaveLength(3);
  });

  it('drops a postmortem whose text is all internal', () => {
    const text = `${FRONT}---\nSummary.\n\n${U1}\n## 2026-11-23 11:00 UTC · Resolved\nFixed.\n\n## Postmortem\n${internal}`;
    const { model } = load(text);
    expect(forAudience(model!, 'public').incidents[0]!.postmortem).toBeUndefined();
    expect(forAudience(model!, 'internal').incidents[0]!.postmortem).toBeDefined();
  });

  it.each(['Identified', 'Resolved'])(
    'refuses a %s update whose text is all internal: the public would see the change unexplained',
    (status) => {
      const text = `${FRONT}---\nSummary.\n\n${U1}\n## 2026-11-23 10:00 UTC · ${status}\n${internal}`;
      expect(found(text)).toContain(`${lineOf(text, status)} error internal-only-update`);
    },
  );

  it('refuses an Update that changes a public component with text all internal', () => {
    const text = `${FRONT}---\nSummary.\n\n${U1}\n## 2026-11-23 10:00 UTC · Update\nComponents: api: major_outage\n\n${internal}`;
    expect(found(text)).toContain(`${lineOf(text, '10:00')} error internal-only-update`);
  });
});

describe('ordinary HTML comments', () => {
  it('are left out of every public text, but kept in code', () => {
    const text = `${FRONT}workaround: "Retry <!-- not the vendor's fault -->."\n---\nSummary <!-- vendor X -->.\n\n## 2026-11-23 09:00 UTC · Investigating\nLooking.\n<!--\nvendor X again\n-->\n\n\`<!-- kept -->\`\n\n## 2026-11-23 11:00 UTC · Resolved\nFixed.\n\n## Postmortem\nCause <!-- vendor -->.\n`;
    const { model } = load(text);
    const incident = forAudience(model!, 'public').incidents[0]!;
    const all = JSON.stringify(incident);
    expect(all).not.toMatch(/vendor/);
    expect(incident.summary).toBe('Summary .');
    expect(incident.updates[0]!.body).toContain('`<!-- kept -->`');
  });
});

describe('an internal incident on a public component', () => {
  const internalIncident = (status: string) =>
    `---\ntitle: Vault down\nimpact: major\nvisibility: internal\ncomponents:\n  vault: major_outage\n  api: ${status}\n---\nSummary.\n\n${U1}`;
  it.each(['partial_outage', 'major_outage'])(
    'warns when it puts the component in %s',
    (status) => {
      expect(found(internalIncident(status))).toContain(
        '7 warning internal-incident-public-outage',
      );
    },
  );
  it('does not warn for a degraded component', () => {
    expect(
      found(internalIncident('degraded_performance')).filter((d) => d.includes('public-outage')),
    ).toEqual([]);
  });
});
