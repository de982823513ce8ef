// `npm run setup`: install what `npm start` and `npm test` would install (npm dependencies and
// the pinned Temporal binaries), without starting anything.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
require('./lib/deps.cjs').ensureDependencies();
console.log(require('./lib/tools.cjs').ensureTools());
