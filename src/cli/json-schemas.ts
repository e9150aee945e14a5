import * as z from 'zod';
import { incidentFrontmatterSchema } from '../core/schema/incident-frontmatter.ts';
import { pageConfigSchema } from '../core/schema/page-config.ts';
import { notifyConfigSchema } from '../notify/config-schema.ts';

/** The JSON Schemas editors use to autocomplete and check components.yaml and incident frontmatter. */
export function jsonSchemas(): Record<string, object> {
  const make = (schema: z.ZodType, title: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-07' }),
    title,
  });
  return {
    'components.schema.json': make(pageConfigSchema, 'Candor components.yaml'),
    'incident.schema.json': make(incidentFrontmatterSchema, 'Candor incident frontmatter'),
    'notify.schema.json': make(notifyConfigSchema, 'Candor notify.yaml'),
  };
}

export function serialiseSchema(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
