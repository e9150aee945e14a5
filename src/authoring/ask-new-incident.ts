import { didYouMean, suggest } from '../core/diagnostics.ts';
import type { ComponentStatus, StatusModel } from '../core/model.ts';
import { componentStatusSchema, impactSchema, type Impact } from '../core/schema/common.ts';
import { readTimeOption } from './times.ts';
import type { NewIncidentRequest } from './new-incident.ts';
import type { Prompter } from './prompt.ts';

const required = (what: string) => (answer: string) => {
  if (!answer) throw new Error(`Please enter ${what}.`);
  return answer;
};

/**
 * An answer from a list: a name, or, when the list was shown numbered, one of the numbers shown.
 * Any other number is refused, never read as some other choice.
 */
function oneOf<T extends string>(options: readonly T[], numbered = false) {
  return (answer: string): T => {
    const named = options.find((o) => o === answer.toLowerCase());
    if (named) return named;
    if (/^\d+$/.test(answer)) {
      const picked = numbered ? options[Number(answer) - 1] : undefined;
      if (picked) return picked;
      throw new Error(
        numbered
          ? `"${answer}" is not in the list: answer 1 to ${options.length}, or a name.`
          : `Answer with a name: ${options.join(' or ')}.`,
      );
    }
    throw new Error(`"${answer}" is not one of the choices. ${suggest(answer, options)}`);
  };
}

/** The questions `npx candor new` asks on a terminal, each with a default where one makes sense. */
export async function askNewIncident(
  prompter: Prompter,
  model: StatusModel,
  now: Date,
): Promise<NewIncidentRequest> {
  const kind = await prompter.ask(
    'Incident or maintenance',
    oneOf(['incident', 'maintenance'] as const),
    'incident',
  );
  const maintenance = kind === 'maintenance';
  const title = await prompter.ask(
    maintenance
      ? 'Title (what is being worked on)'
      : 'Title (what users notice, e.g. "Elevated API error rates")',
    required('a title'),
  );

  prompter.say('Impact levels:');
  impactSchema.options.forEach((level, i) => {
    prompter.say(`  ${i + 1}. ${level.padEnd(9)}${model.severity?.[level] ?? ''}`.trimEnd());
  });
  const impact: Impact = await prompter.ask(
    'Impact (a number or a name)',
    oneOf(impactSchema.options, true),
    maintenance ? 'none' : 'minor',
  );

  prompter.say('Components:');
  model.components.forEach((c, i) =>
    prompter.say(`  ${String(i + 1).padStart(2)}. ${c.id.padEnd(16)} ${c.name}`),
  );
  const ids = model.components.map((c) => c.id);
  const chosen = await prompter.ask(
    'Affected components (numbers or ids, separated by commas)',
    (answer) => {
      const picked = answer
        .split(/[,\s]+/)
        .filter(Boolean)
        .map((word) => {
          const id = ids.find((known) => known === word) ?? ids[Number(word) - 1];
          if (!id) {
            const close = didYouMean(word, ids);
            throw new Error(
              `"${word}" is not a component${close ? `; did you mean ${close}?` : ''}.`,
            );
          }
          return id;
        });
      if (picked.length === 0) throw new Error('Please choose at least one component.');
      return [...new Set(picked)];
    },
  );

  const components: Record<string, ComponentStatus> = {};
  const statuses = componentStatusSchema.options.filter((s) => s !== 'operational');
  if (!maintenance)
    prompter.say(`Statuses: ${statuses.map((s, i) => `${i + 1}. ${s}`).join(', ')}`);
  for (const id of chosen) {
    const name = model.components.find((c) => c.id === id)!.name;
    components[id] = maintenance
      ? 'under_maintenance'
      : await prompter.ask(`Status of ${name}`, oneOf(statuses, true), 'partial_outage');
  }
  const time = (option: string) => (answer: string) => readTimeOption(option, answer, now);
  if (maintenance) {
    const from = await prompter.ask('Window starts (e.g. 2026-12-05 02:00 UTC)', time('start'));
    const until = await prompter.ask('Window ends', (answer) => {
      const end = readTimeOption('end', answer, now);
      if (end <= from) throw new Error('The window must end after it starts.');
      return end;
    });
    return { kind, title, impact, components, from, until, at: now };
  }
  const workaround = await prompter.ask(
    'What can users do meanwhile? (Enter to skip)',
    (answer) => answer,
  );
  const next = await prompter.ask(
    'Next update (a time, or +30m, +1h)',
    time('next update'),
    '+30m',
  );
  return { kind, title, impact, components, at: now, next, ...(workaround ? { workaround } : {}) };
}
