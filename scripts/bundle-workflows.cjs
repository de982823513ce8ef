'use strict';
// Bundles the workflow code (webpack inside bundleWorkflowCode, with the path aliases the
// bundler cannot read from tsconfig) into one file: the worker loads it in production, and
// `npm test` runs this so that a broken bundle fails the build.
const fs = require('node:fs');
const path = require('node:path');
require('@swc-node/register');
require('tsconfig-paths').register({
  baseUrl: path.resolve(__dirname, '..'),
  paths: require('../tsconfig.base.json').compilerOptions.paths,
});
const { bundleWorkflows } = require('../libs/temporal/src');

const out = process.argv[2] ?? path.resolve(__dirname, '..', 'dist', 'workflow-bundle.js');
bundleWorkflows()
  .then((bundle) => {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, bundle.code);
    console.log(
      `workflow bundle: ${path.relative(process.cwd(), out)} (${Math.round(bundle.code.length / 1024)} KiB)`,
    );
  })
  .catch((err) => {
    console.error(`workflow bundle failed: ${err.message}`);
    process.exit(1);
  });
