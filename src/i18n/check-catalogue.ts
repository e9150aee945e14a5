import { en } from './messages/en.ts';
import { PLURAL_CATEGORIES, placeholders, type Message } from './message.ts';

interface CatalogueProblem {
  key: string;
  /** A sentence that names the key and what to write instead. */
  message: string;
}

const REFERENCE = en as Record<string, Message>;

/**
 * Compares a catalogue with the English one: the same keys (all of them unless `partial`, for a
 * team's override of a language Candor has), each with the same placeholders and the same kind
 * (text, or plural forms). Works on raw data, so a YAML file can be checked before it is trusted.
 */
export function checkCatalogue(
  language: string,
  catalogue: Record<string, unknown>,
  options: { partial?: boolean } = {},
): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  if (!options.partial) {
    for (const key of Object.keys(REFERENCE)) {
      if (!(key in catalogue))
        problems.push({
          key,
          message: `The "${language}" catalogue lacks the key "${key}" (English: ${JSON.stringify(englishText(key))}).`,
        });
    }
  }
  for (const [key, value] of Object.entries(catalogue)) {
    const reference = REFERENCE[key];
    if (reference === undefined) {
      problems.push({
        key,
        message: `The "${language}" catalogue has the key "${key}", which English does not have: remove it or add it to every language.`,
      });
      continue;
    }
    problems.push(...checkMessage(language, key, reference, value));
  }
  return problems;
}

function checkMessage(
  language: string,
  key: string,
  reference: Message,
  value: unknown,
): CatalogueProblem[] {
  const where = `"${key}" in the "${language}" catalogue`;
  if (typeof reference === 'string') {
    if (typeof value !== 'string' || value.trim() === '')
      return [
        { key, message: `${where} must be a text, like the English ${JSON.stringify(reference)}.` },
      ];
    return samePlaceholders(where, key, placeholders(reference), value);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [
      {
        key,
        message: `${where} depends on a number: write one text per plural form, e.g. \`one:\` and \`other:\`.`,
      },
    ];
  }
  const problems: CatalogueProblem[] = [];
  const forms = value as Record<string, unknown>;
  if (typeof forms.other !== 'string')
    problems.push({
      key,
      message: `${where} lacks its \`other:\` form, the one used for most numbers.`,
    });
  for (const [category, text] of Object.entries(forms)) {
    if (!(PLURAL_CATEGORIES as string[]).includes(category)) {
      problems.push({
        key,
        message: `${where} has the plural form \`${category}:\`; use ${PLURAL_CATEGORIES.map((c) => `\`${c}\``).join(', ')}.`,
      });
    } else if (typeof text !== 'string' || text.trim() === '') {
      problems.push({ key, message: `${where}, form \`${category}:\`, must be a text.` });
    } else {
      problems.push(
        ...samePlaceholders(
          `${where}, form \`${category}:\`,`,
          key,
          placeholders(reference.other),
          text,
          true,
        ),
      );
    }
  }
  return problems;
}

/** A translation uses the English placeholders and no other; a plural form may leave out `{count}` ("one incident"). */
function samePlaceholders(
  where: string,
  key: string,
  expected: string[],
  text: string,
  plural = false,
): CatalogueProblem[] {
  const used = placeholders(text);
  const unknown = used.filter((name) => !expected.includes(name) && !(plural && name === 'count'));
  const missing = expected.filter((name) => !used.includes(name) && !(plural && name === 'count'));
  const problems: CatalogueProblem[] = [];
  for (const name of unknown)
    problems.push({
      key,
      message: `${where} uses {${name}}, which this message does not have; it can use ${describe(expected, plural)}.`,
    });
  for (const name of missing)
    problems.push({
      key,
      message: `${where} leaves out {${name}}; write it where the value belongs.`,
    });
  return problems;
}

function describe(names: string[], plural: boolean): string {
  const all = plural ? [...new Set(['count', ...names])] : names;
  return all.length ? all.map((n) => `{${n}}`).join(', ') : 'no placeholders';
}

function englishText(key: string): string {
  const value = REFERENCE[key]!;
  return typeof value === 'string' ? value : value.other;
}
