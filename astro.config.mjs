// @ts-check
import { defineConfig } from 'astro/config';

// `site` and `base` come from `page.url` in components.yaml; scripts/build.ts passes them in.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  compressHTML: true,
});
