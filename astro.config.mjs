// @ts-check
import { defineConfig } from 'astro/config';
import candor from 'candor-status/astro';

// The example status page builds through the same integration as a team's repository.
// Candor sets `site` and `base` from `page.url` in components.yaml. Add your own integrations,
// and pages in src/pages/, next to it.
export default defineConfig({
  integrations: [candor()],
});
