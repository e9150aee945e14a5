/**
 * The HTTP status of a failed Octokit request, if it got that far. Apart from octokit.ts so that
 * every command's error handling can ask it without loading Octokit at start.
 */
export function httpStatus(cause: unknown): number | undefined {
  const status = (cause as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}
