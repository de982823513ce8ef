'use strict';
// Resolves the @jaarcyclus/* path aliases of tsconfig.base.json inside the compiled dist/ tree.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const root = path.resolve(__dirname, '..', '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
tsconfigPaths.register({ baseUrl: path.join(root, 'dist'), paths: compilerOptions.paths });
