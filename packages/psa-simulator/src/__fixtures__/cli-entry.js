// Entry for the CLI spec's child process: same as bin/psa-sim.js, but from the TypeScript sources.
require('../cli.ts').cliMain();
