#!/usr/bin/env node
// The `candor` command. Candor ships its TypeScript as written and runs it with Node's type
// stripping, which Node refuses for files under node_modules, where an installed Candor lives:
// there this launcher strips the types of Candor's own files itself (same result, no build step).
import * as nodeModule from 'node:module';

// An older Node would fail on the first TypeScript file with a stack trace: say what to install.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19) || major === 23) {
  process.stderr.write(
    `candor: Node.js ${process.versions.node} is too old; Candor needs Node.js 22.19 or newer (24 recommended).\n`,
  );
  process.exit(2);
}
const { enableCompileCache, registerHooks, stripTypeScriptTypes } = nodeModule;

// Node keeps the compiled code of every module (Candor's stripped TypeScript included) in a cache
// in the system's temporary folder: after the first run, a command starts in about half the time.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off; NODE_COMPILE_CACHE=<folder> puts it elsewhere.
enableCompileCache();

const PACKAGE = new URL('../', import.meta.url).href;

if (PACKAGE.includes('/node_modules/')) {
  const emitWarning = process.emitWarning;
  // Stripping is what Node does for any .ts outside node_modules; its "experimental" notice is noise here.
  process.emitWarning = (warning, ...rest) => {
    if (!String(warning).startsWith('stripTypeScriptTypes'))
      emitWarning.call(process, warning, ...rest);
  };
  registerHooks({
    load(url, context, nextLoad) {
      if (
        !url.startsWith(PACKAGE) ||
        !url.endsWith('.ts') ||
        url.includes('/node_modules/', PACKAGE.length)
      )
        return nextLoad(url, context);
      const loaded = nextLoad(url, { ...context, format: 'module' });
      return { ...loaded, format: 'module', source: stripTypeScriptTypes(String(loaded.source)) };
    },
  });
}

const { main } = await import('../src/cli/main.ts');
const { processIo } = await import('../src/shared/io.ts');
process.exitCode = await main(process.argv.slice(2), processIo);
