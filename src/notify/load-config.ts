import { error, excerpt, suggest, type Diagnostic, type Position } from '../core/diagnostics.ts';
import { schemaDiagnostics } from '../core/schema-diagnostics.ts';
import type { SourceFile } from '../core/source-text.ts';
import { readYamlFile } from '../core/yaml-file.ts';
import type { YamlSource } from '../core/yaml-source.ts';
import { emailChannelDiagnostics } from './channels/email/schema.ts';
import { notifyConfigSchema, type NotifyConfig } from './config-schema.ts';

export const NOTIFY_FILE = 'notify.yaml';

export interface LoadedNotifyConfig {
  /** Undefined when the file has errors: no notice goes out on a half-understood configuration. */
  config?: NotifyConfig;
  /** Where a channel's key is written, for errors found later (e.g. in the values of its variables). */
  locate?: (channelIndex: number, key: string) => Position;
  diagnostics: Diagnostic[];
}

/** Reads notify.yaml: decode, parse with positions, shape, then the rules that span the file (unique ids, known components). */
export function loadNotifyConfig(
  file: SourceFile,
  componentIds: readonly string[],
): LoadedNotifyConfig {
  const { source, diagnostics: unreadable } = readYamlFile(
    file,
    'Declare `channels:` (see docs/notices.md), or delete the file to send no notices.',
  );
  if (!source) return { diagnostics: unreadable };
  const parsed = notifyConfigSchema.safeParse(source.value);
  const diagnostics = parsed.success
    ? []
    : schemaDiagnostics(file.path, notifyConfigSchema, source, parsed.error.issues);
  diagnostics.push(...crossChannelDiagnostics(file.path, source, componentIds));
  const locate = (index: number, key: string) => source.locate(['channels', index, key]);
  return parsed.success && diagnostics.length === 0
    ? { config: parsed.data, locate, diagnostics }
    : { diagnostics };
}

/** The channels as written, read from the raw YAML so these rules run even when the shape is wrong elsewhere. */
function rawChannels(raw: unknown): { index: number; value: Record<string, unknown> }[] {
  const list =
    raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).channels : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((value: unknown, index) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? [{ index, value: value as Record<string, unknown> }]
      : [],
  );
}

/** Rules that span the file: unique channel ids, webhook-only keys, components that exist. */
function crossChannelDiagnostics(
  path: string,
  source: YamlSource,
  componentIds: readonly string[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const firstLine = new Map<string, number>();
  for (const { index, value: channel } of rawChannels(source.value)) {
    const at = (...rest: (string | number)[]) => source.locate(['channels', index, ...rest]);
    if (typeof channel.id === 'string') {
      const earlier = firstLine.get(channel.id);
      if (earlier === undefined) firstLine.set(channel.id, at('id').line);
      else {
        diagnostics.push(
          error(
            path,
            at('id'),
            'duplicate-id',
            `The channel id ${excerpt(channel.id)} is already used on line ${earlier}.`,
            'Give each channel its own id: the ledger remembers what was sent to each id.',
          ),
        );
      }
    }
    if (typeof channel.type === 'string' && channel.type !== 'webhook') {
      for (const key of ['secret_env', 'format']) {
        if (channel[key] !== undefined) {
          diagnostics.push(
            error(
              path,
              source.locate(['channels', index, key], { key: true }),
              'webhook-only',
              `\`${key}\` only applies to channels of type webhook, not ${/^[a-z]{1,20}$/.test(channel.type) ? channel.type : excerpt(channel.type)}.`,
              `Remove \`${key}\` from this channel.`,
            ),
          );
        }
      }
    }
    diagnostics.push(...emailChannelDiagnostics(path, source, index, channel));
    if (Array.isArray(channel.components)) {
      channel.components.forEach((id: unknown, j) => {
        if (typeof id === 'string' && !componentIds.includes(id)) {
          diagnostics.push(
            error(
              path,
              at('components', j),
              'unknown-component',
              `There is no component ${excerpt(id)} in components.yaml.`,
              suggest(id, componentIds, 'a declared component id'),
            ),
          );
        }
      });
    }
  }
  return diagnostics;
}
