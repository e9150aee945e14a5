import { forAudience } from '../../src/core/audience.ts';
import { loadRepository } from '../../src/core/load-repository.ts';
import type { StatusModel } from '../../src/core/model.ts';

export const NOW = new Date('2026-11-23T12:00:00Z');

export const CONFIG = `
page: { name: Test Cloud, url: "https://example.github.io/status/", timezone: Europe/Berlin, description: Test page. }
groups:
  - { id: core, name: Core platform }
components:
  - { id: api, name: REST API, group: core, description: api.example.dev, since: 2025-01-01 }
  - { id: web, name: Website }
  - { id: auth, name: Sign-in, group: core }
`;

export type Files = Record<string, string>;

/** The public view of a repository given as `path -> text`, loaded exactly as a build loads it; refuses files with errors. */
export function publicModel(files: Files, now = NOW): StatusModel {
  const encode = (path: string) => ({ path, bytes: new TextEncoder().encode(files[path]) });
  const paths = Object.keys(files);
  const { model, diagnostics } = loadRepository(
    {
      ...(files['components.yaml'] ? { config: encode('components.yaml') } : {}),
      incidents: paths.filter((p) => p.startsWith('incidents/')).map(encode),
    },
    { now },
  );
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!model || errors.length > 0)
    throw new Error(`test fixture has errors: ${JSON.stringify(errors)}`);
  return forAudience(model, 'public');
}

/** An incident file with the given frontmatter lines and updates. */
export function incidentFile(frontmatter: string, body: string): string {
  return `---\n${frontmatter.trim()}\n---\n${body.trim()}\n`;
}
