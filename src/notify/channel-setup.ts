import { error, type Diagnostic, type Position } from '../core/diagnostics.ts';
import type { Channel, NotifyConfig } from './config-schema.ts';
import { NOTIFY_FILE } from './load-config.ts';
import { secretKey, SecretError } from './signing.ts';

type Environment = Readonly<Record<string, string | undefined>>;

/** A channel whose environment holds something that can never work: a configuration error, not a delivery failure. */
interface SetupProblem {
  /** The notify.yaml key naming the variable at fault. */
  key: 'url_env' | 'secret_env';
  message: string;
  hint: string;
}

/**
 * What is wrong with the values a channel's variables hold, judged before anything is sent: a URL
 * that is not http(s), a URL with a user name or password (fetch refuses those, and they would be
 * printed by any error), a signing secret that is not Standard Webhooks' `whsec_` + base64.
 * Unset variables are not a problem here: the channel is skipped and named. Never quotes a value.
 */
export function channelSetupProblem(channel: Channel, env: Environment): SetupProblem | undefined {
  const url = channel.url_env === undefined ? undefined : env[channel.url_env];
  if (url) {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
      return {
        key: 'url_env',
        message: `${channel.url_env} does not hold an http(s) URL.`,
        hint: `Set ${channel.url_env} to the webhook URL the service gave you, starting with https://.`,
      };
    }
    if (parsed.username || parsed.password) {
      return {
        key: 'url_env',
        message: `The URL in ${channel.url_env} contains a user name or password (user:password@host), which webhook requests cannot carry.`,
        hint: `Set ${channel.url_env} to the URL without "user:password@"; a receiver that needs a secret should verify the signature (secret_env) instead.`,
      };
    }
  }
  const secret = channel.secret_env === undefined ? undefined : env[channel.secret_env];
  if (secret) {
    try {
      secretKey(secret);
    } catch (cause) {
      if (!(cause instanceof SecretError)) throw cause;
      return {
        key: 'secret_env',
        message: `${channel.secret_env}: ${cause.message}`,
        hint: 'Create one with: echo "whsec_$(openssl rand -base64 32)", and give the receiver the same value.',
      };
    }
  }
  return undefined;
}

/**
 * Every channel's setup problem as a diagnostic on the notify.yaml line that names the variable, so a
 * run stops before sending anything and says where to look. `locate` finds a channel's key in the file.
 */
export function setupDiagnostics(
  config: NotifyConfig,
  env: Environment,
  locate: (index: number, key: string) => Position,
): Diagnostic[] {
  return config.channels.flatMap((channel, index) => {
    const problem = channelSetupProblem(channel, env);
    return problem
      ? [
          error(
            NOTIFY_FILE,
            locate(index, problem.key),
            'channel-setup',
            problem.message,
            problem.hint,
          ),
        ]
      : [];
  });
}
