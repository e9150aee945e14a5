import { error, suggest, type Diagnostic } from '../core/diagnostics.ts';
import { schemaDiagnostics } from '../core/schema-diagnostics.ts';
import { decodeSource, type SourceFile } from '../core/source-text.ts';
import { parseYamlSource } from '../core/yaml-source.ts';
import { notifyConfigSchema, type NotifyConfig } from './config-schema.ts';

export const NOTIFY_FILE = 'notify.yaml';

export interface LoadedNotifyConfig {
  /** Undefined when the file has errors: no notice goes out on a half-understood configuration. */
  config?: NotifyConfig;
  diagnostics: Diagnostic[];
}

/** Reads notify.yaml: decode, parse with positions, shape, then the rules that span the file (unique ids, known components). */
export function loadNotifyConfig(file: SourceFile, componentIds: readonly string[]): LoadedNotifyConfig {
  const decoded = decodeSource(file);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  const source = parseYamlSource(file.path, decoded.text);
  if (source.diagnostics.length > 0) return { diagnostics: source.diagnostics };
  if (source.value === undefined || source.value === null) {
    return {
      diagnostics: [error(file.path, { line: 1, column: 1 }, 'empty-file', `${file.path} is empty.`,
        'Declare `channels:` (see docs/notices.md), or delete the file to send no notices.')],
    };
  }
  const parsed = notifyConfigSchema.safeParse(source.value);
  if (!parsed.success) return { diagnostics: schemaDiagnostics(file.path, notifyConfigSchema, source, parsed.error.issues) };
  const config = parsed.data;
  const diagnostics: Diagnostic[] = [];
  const firstLine = new Map<string, number>();
  config.channels.forEach((channel, i) => {
    const at = (key: string) => source.locate(['channels', i, key]);
    const earlier = firstLine.get(channel.id);
    if (earlier === undefined) firstLine.set(channel.id, at('id').line);
    else {
      diagnostics.push(error(file.path, at('id'), 'duplicate-id', `The channel id "${channel.id}" is already used on line ${earlier}.`,
        'Give each channel its own id: the ledger remembers what was sent to each id.'));
    }
    if (channel.type !== 'webhook') {
      for (const key of ['secret_env', 'format'] as const) {
        if (channel[key] !== undefined) {
          diagnostics.push(error(file.path, source.locate(['channels', i, key], { key: true }), 'webhook-only',
            `\`${key}\` only applies to channels of type webhook, not ${channel.type}.`, `Remove \`${key}\` from this channel.`));
        }
      }
    }
    channel.components?.forEach((id, j) => {
      if (!componentIds.includes(id)) {
        diagnostics.push(error(file.path, source.locate(['channels', i, 'components', j]), 'unknown-component',
          `There is no component "${id}" in components.yaml.`, suggest(id, componentIds, 'a declared component id')));
      }
    });
  });
  return diagnostics.length > 0 ? { diagnostics } : { config, diagnostics };
}
