import { BUILT_IN_LANGUAGES, builtInCatalogue, type Catalogue } from '../i18n/catalogue.ts';
import { checkCatalogue } from '../i18n/check-catalogue.ts';
import { error, type Diagnostic, type Position } from './diagnostics.ts';
import { canonicalLanguage, languageMeant } from './language.ts';
import type { SourceFile } from './source-text.ts';
import { readYamlFile } from './yaml-file.ts';

export const LOCALES_DIR = 'locales';

interface PageWords {
  /** The team's words for the page's language, checked; undefined when it has none. */
  words?: Partial<Catalogue>;
  diagnostics: Diagnostic[];
}

/**
 * Reads every locales/<language>.yaml and picks the page's: a file for a language Candor has may
 * change any of its words; a file for another language must give every word. Each file is checked
 * against the English keys, with the line of each mistake. `languageAt` is where components.yaml
 * names the language, for the error when no words exist for it.
 */
export function loadPageWords(
  files: readonly SourceFile[],
  language: string,
  languageAt: Position,
): PageWords {
  const diagnostics: Diagnostic[] = [];
  const available = new Map<string, Partial<Catalogue>>();
  for (const file of files) {
    const loaded = loadLocaleFile(file);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.tag && loaded.words) available.set(loaded.tag.toLowerCase(), loaded.words);
  }
  const tag = language.toLowerCase();
  const words = available.get(tag) ?? available.get(tag.split('-')[0]!);
  // A file for the language that has mistakes has already said so.
  const ownFile = files.some((f) =>
    [tag, tag.split('-')[0]].includes(tagOf(f.path)?.toLowerCase()),
  );
  if (!words && !ownFile && !builtInCatalogue(language)) {
    const meant = languageMeant(language, [...BUILT_IN_LANGUAGES, ...available.keys()]);
    diagnostics.push(
      error(
        'components.yaml',
        languageAt,
        'unknown-language',
        `Candor has no words for the language "${language}".`,
        meant
          ? `Did you mean \`${meant}\`?`
          : `Write \`en\`, \`es\`, \`nl\`, \`de\` or \`fr\`, or add every word in ${LOCALES_DIR}/${language}.yaml (copy the keys of an existing language; see docs/languages.md).`,
      ),
    );
  }
  return { ...(words ? { words } : {}), diagnostics };
}

/** The language a file is for: named after a tag with a two- or three-letter language ("es", "pt-BR"), not a name ("spanish"). */
function tagOf(path: string): string | undefined {
  const name = path
    .split('/')
    .at(-1)!
    .replace(/\.ya?ml$/i, '');
  return /^[a-z]{2,3}(?:[-_]|$)/i.test(name) ? canonicalLanguage(name) : undefined;
}

function loadLocaleFile(file: SourceFile): {
  tag?: string;
  words?: Partial<Catalogue>;
  diagnostics: Diagnostic[];
} {
  const tag = tagOf(file.path);
  if (!tag) {
    const meant = languageMeant(
      file.path
        .split('/')
        .at(-1)!
        .replace(/\.ya?ml$/i, ''),
    );
    return {
      diagnostics: [
        error(
          file.path,
          { line: 1, column: 1 },
          'locale-name',
          `${file.path} is not named after a BCP 47 language tag.`,
          meant
            ? `Name it ${LOCALES_DIR}/${meant}.yaml.`
            : `Name it after its language, e.g. ${LOCALES_DIR}/es.yaml or ${LOCALES_DIR}/pt-BR.yaml.`,
        ),
      ],
    };
  }
  const { source, diagnostics: unreadable } = readYamlFile(
    file,
    'Write one `key: text` line per word to change, e.g. `status.monitoring: En seguimiento`.',
  );
  if (!source) return { tag, diagnostics: unreadable };
  const value = source.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      tag,
      diagnostics: [
        error(
          file.path,
          { line: 1, column: 1 },
          'invalid-value',
          `${file.path} must map message keys to texts.`,
          'Write one `key: text` line per word, e.g. `status.monitoring: En seguimiento`.',
        ),
      ],
    };
  }
  const partial = builtInCatalogue(tag) !== undefined;
  const all = checkCatalogue(tag, value as Record<string, unknown>, { partial });
  // A new language lacking most keys gets one message listing them, not one per key.
  const missing = all.filter((p) => !(p.key in value));
  const problems = all.filter((p) => p.key in value);
  if (missing.length > 0) {
    const shown = missing
      .slice(0, 8)
      .map((p) => `"${p.key}"`)
      .join(', ');
    problems.unshift({
      key: missing[0]!.key,
      message: `The "${tag}" catalogue lacks ${missing.length === 1 ? 'the key' : `${missing.length} keys:`} ${shown}${missing.length > 8 ? ', …' : '.'}`,
    });
  }
  const diagnostics = problems.map((problem) => {
    const at =
      problem.key in value
        ? source.locate([problem.key], {
            key: !problem.message.includes(' uses {') && !problem.message.includes(' leaves out {'),
          })
        : { line: 1, column: 1 };
    return error(
      file.path,
      at,
      'locale-key',
      problem.message,
      partial
        ? 'Keep only the keys you change; docs/languages.md lists them all.'
        : 'A language Candor does not have needs every key of src/i18n/messages/en.ts.',
    );
  });
  return problems.length > 0
    ? { tag, diagnostics }
    : { tag, words: value as Partial<Catalogue>, diagnostics };
}
