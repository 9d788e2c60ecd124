#!/usr/bin/env node
// Thin shim so the package bin works after `npm run build`; all logic lives in src/cli.ts.
require('../dist/cli.js').cliMain();
