import { describe, expect, it } from 'vitest';
import { loadIncident } from '../../src/core/load-incident.ts';

const load = (text: string) =>
  loadIncident({ path: 'incidents/x.md', bytes: new TextEncoder().encode(text) }).diagnostics;
const codes = (text: string, code: string) =>
  load(text)
    .filter((d) => d.code === code)
    .map((d) => `${d.severity} ${d.line}:${d.column}`);

const file = (options: {
  visibility?: string;
  summary: string;
  last?: string;
  postmortem?: string;
}) => `---
title: API errors
impact: minor
components: { api: partial_outage }${options.visibility ? `\nvisibility: ${options.visibility}` : ''}
---
${options.summary}

## 2026-11-22 14:03 UTC · Investigating
Errors on [[which endpoints]] since [[when]].

\`\`\`
[[not a placeholder: code]]
\`\`\`
${options.last ? `\n## 2026-11-22 15:03 UTC · ${options.last}\nBack to normal.\n` : ''}${options.postmortem ? `\n## Postmortem\n${options.postmortem}\n` : ''}`;

describe('text a template drafted and nobody replaced', () => {
  it('warns on each placeholder in the summary and the updates, at its line and column, and leaves code alone', () => {
    expect(
      codes(file({ summary: 'Some users of [[which API]] see errors.' }), 'placeholder-left'),
    ).toEqual(['warning 6:15', 'warning 9:11', 'warning 9:37']);
  });

  it('is an error in a public postmortem, and a warning in an internal one', () => {
    const postmortem = '### Root cause\n[[What in our systems made this possible]]';
    expect(
      codes(file({ summary: 'Errors.', last: 'Resolved', postmortem }), 'placeholder-left'),
    ).toEqual(['warning 9:11', 'warning 9:37', 'error 20:1']);
    expect(
      codes(
        file({ summary: 'Errors.', last: 'Resolved', postmortem, visibility: 'internal' }),
        'placeholder-left',
      ),
    ).toContain('warning 21:1');
  });

  it("warns when a resolved incident's summary still reads as ongoing, and not while it is open", () => {
    const summary = 'Some users see errors. We are investigating and will update this page.';
    expect(
      load(file({ summary, last: 'Resolved' })).find((d) => d.code === 'summary-ongoing'),
    ).toMatchObject({
      severity: 'warning',
      line: 6,
      column: 1,
      message: 'This incident is resolved, but its summary still says "We are investigating".',
    });
    expect(codes(file({ summary }), 'summary-ongoing')).toEqual([]);
    expect(
      codes(
        file({
          summary: 'Some users saw errors for 40 minutes; a configuration change caused them.',
          last: 'Resolved',
        }),
        'summary-ongoing',
      ),
    ).toEqual([]);
  });
});
