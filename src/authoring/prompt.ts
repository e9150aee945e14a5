import { createInterface } from 'node:readline';
import { ContentError } from '../core/errors.ts';

export interface Terminal {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export interface Prompter {
  /** Prints a line of explanation above the next question. */
  say(text: string): void;
  /**
   * Asks until `read` accepts the answer (it returns the value, or throws an Error whose message
   * is shown before asking again). An empty answer means `fallback`, when there is one.
   */
  ask<T>(question: string, read: (answer: string) => T, fallback?: string): Promise<T>;
  close(): void;
}

/**
 * Questions on a terminal. Lines are read from one iterator, so answers typed (or pasted) ahead
 * of their question are kept, and Ctrl-C or Ctrl-D ends the command without writing anything.
 */
export function terminalPrompter(terminal: Terminal): Prompter {
  const rl = createInterface({ input: terminal.input, output: terminal.output, terminal: true });
  rl.on('SIGINT', () => rl.close());
  const lines = rl[Symbol.asyncIterator]();
  return {
    say: (text) => terminal.output.write(`${text}\n`),
    async ask(question, read, fallback) {
      for (;;) {
        rl.setPrompt(`${question}${fallback ? ` [${fallback}]` : ''}: `);
        rl.prompt();
        const next = await lines.next();
        if (next.done) {
          terminal.output.write('\n');
          throw new ContentError('cancelled: nothing was written.');
        }
        const answer = String(next.value).trim() || fallback || '';
        try {
          return read(answer);
        } catch (cause) {
          terminal.output.write(`  ${(cause as Error).message}\n`);
        }
      }
    },
    close: () => rl.close(),
  };
}
