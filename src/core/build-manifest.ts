import * as z from 'zod';

/** The file every build writes at the root of its output, saying when it was built. */
export const BUILD_MANIFEST = 'candor-build.json';

/**
 * What a build says about itself. `built_at` is the clock the pages were rendered with: notices are
 * planned with it, so none announces what the deployed page does not show yet.
 */
export const buildManifestSchema = z.strictObject({
  built_at: z.iso.datetime(),
  audience: z.enum(['public', 'internal']),
});
type BuildManifest = z.infer<typeof buildManifestSchema>;

export function buildManifest(now: Date, audience: BuildManifest['audience']): BuildManifest {
  return { built_at: now.toISOString(), audience };
}
