import { CANDOR_BIN } from '../candor-bin.ts';
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/core/load-repository.ts';
import { readRepository } from '../../src/core/read-repository.ts';
import { noticeEvents } from '../../src/notify/events.ts';
import { renderNotice } from '../../src/notify/render/render-notice.ts';
import { renderText } from '../../src/notify/render/text.ts';
import { buildSite } from '../support/built-sites.ts';
import { writeRepository } from '../support/repository.ts';
import { readerText } from './languages-fixture.ts';

const run = promisify(execFile);
const NOW = '2026-11-22T18:00:00Z';

const COMPONENTS = `page:
  name: Nube Acme
  url: https://status.acme.dev
  timezone: Europe/Madrid
  language: es
  contact: soporte@acme.es
components:
  - { id: api, name: API REST }
  - { id: panel, name: Panel de control }
`;

// Written the way a Spanish team writes: headings, statuses and the postmortem in Spanish, in any case.
const INCIDENT = `---
title: Errores en la API REST
impact: major
components:
  api: partial_outage
---
Algunas peticiones a la API REST fallan con el error 502 desde las 14:55.

## 2026-11-22 15:03 +01:00 · Investigando
Estamos investigando el aumento de errores. Próxima actualización antes de las 15:45.

## 2026-11-22 15:40 +01:00 · identificado
Un cambio de configuración causó los errores; lo estamos revirtiendo.

## 2026-11-22 16:10 +01:00 · EN OBSERVACIÓN
Components: api: degraded_performance
El cambio se ha revertido y los errores han bajado.

## 2026-11-22 16:45 +01:00 · Resuelto
Todo funciona con normalidad desde las 16:30.

## Análisis posterior
La causa fue un cambio de configuración sin revisar.
`;

let content: string;
let out: string;

beforeAll(async () => {
  content = await writeRepository({
    'components.yaml': COMPONENTS,
    'incidents/2026-11-22-errores-api.md': INCIDENT,
  });
  out = await buildSite(content, { now: NOW });
}, 300_000);

afterAll(async () => {
  await rm(content, { recursive: true });
});

describe('an incident written entirely in Spanish', () => {
  it('passes npm run check', async () => {
    const { stdout } = await run(process.execPath, [CANDOR_BIN, 'check'], {
      cwd: content,
      env: { ...process.env, CANDOR_NOW: NOW },
    });
    expect(stdout).toMatch(/0 errors/);
  });

  it('builds into a Spanish page with its timeline and postmortem', async () => {
    const html = await readFile(join(out, 'incidents/2026-11-22-errores-api/index.html'), 'utf8');
    const text = readerText(html);
    expect(html).toContain('<html lang="es"');
    for (const words of [
      'Resuelto',
      'En observación',
      'Identificado',
      'Investigando',
      'Análisis posterior',
      'Resumen',
      'Actualizaciones',
      '22 nov 2026, 15:03 CET',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('sends notices that read in Spanish', async () => {
    const { model } = loadRepository(await readRepository(content), { now: new Date(NOW) });
    const events = noticeEvents(model!, new Date(NOW));
    const resolved = events.find((e) => e.kind === 'incident.resolved')!;
    expect(renderText(resolved)).toBe(
      [
        'Nube Acme · Resuelto · 22 nov 2026, 16:45 CET',
        'Resuelto · Errores en la API REST',
        'Afecta a: API REST: Operativo',
        '',
        'Todo funciona con normalidad desde las 16:30.',
        '',
        'https://status.acme.dev/incidents/2026-11-22-errores-api/',
      ].join('\n'),
    );
    const slack = JSON.stringify(
      renderNotice(
        events.find((e) => e.kind === 'incident.created')!,
        { type: 'slack' },
        model!,
      ),
    );
    for (const words of [
      'Investigando',
      'Estado',
      'Impacto grave',
      'Afecta a',
      'Nueva incidencia',
      'Ver en Nube Acme',
    ])
      expect(slack).toContain(words);
    expect(events.map((e) => e.kind)).toContain('incident.postmortem');
  });
});

describe('a refused status word', () => {
  it('lists the words of the page language', () => {
    const result = loadRepository(
      {
        config: { path: 'components.yaml', bytes: new TextEncoder().encode(COMPONENTS) },
        incidents: [
          {
            path: 'incidents/a.md',
            bytes: new TextEncoder().encode(INCIDENT.replace('· Resuelto', '· Resolvido')),
          },
        ],
      },
      { now: new Date(NOW) },
    );
    const refused = result.diagnostics.find((d) => d.code === 'unknown-status')!;
    expect(refused).toMatchObject({
      file: 'incidents/a.md',
      line: 19,
      message: '"Resolvido" is not an update status.',
    });
    expect(refused.hint).toContain(
      'Investigando, Identificado, En observación, Resuelto, Programado, En curso, Verificando, Completado, Actualización',
    );
  });
});
