/**
 * The kinds of failure a user can meet. Each kind decides the exit code and how the message is
 * shown, in one place for every command (src/cli/run-command.ts); anything else that is thrown is
 * an unexpected error, a bug in Candor.
 */
export abstract class CandorError extends Error {
  abstract readonly kind: 'usage' | 'content' | 'delivery';
  /** Shown before the message, as is: e.g. the diagnostics that explain a refusal. */
  readonly details: string | undefined;

  constructor(message: string, options: { details?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.details = options.details;
  }
}

/** How the command was called or configured (arguments, environment variables): exit 2. */
export class UsageError extends CandorError {
  readonly kind = 'usage';
}

/** The files or inputs the command works on do not allow what was asked: exit 1. */
export class ContentError extends CandorError {
  readonly kind = 'content';
}

/** An outside service (GitHub, a channel's server) refused or failed: exit 1. */
export class DeliveryError extends CandorError {
  readonly kind = 'delivery';
}
