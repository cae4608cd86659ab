// `npm start` (after `npm run package`): shows the product working on the sample reports in
// examples/, with the same engine the editor uses, and says where the extension package is.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const files = readdirSync('examples')
  .filter((f) => /\.(radreport|report\.txt)$/.test(f))
  .map((f) => join('examples', f));
console.log(`\nTBS Report Assistant: checking ${files.length} sample reports in examples/\n`);
const r = spawnSync(process.execPath, ['dist/cli.js', 'check', ...files], { stdio: 'inherit' });
if (r.status === 2 || r.status === null) {
  console.error('The checker failed to run (see above).');
  process.exit(1);
}
const vsix = 'tbs-report-assistant.vsix';
if (existsSync(vsix)) {
  console.log(`\nExtension package: ${join(root, vsix)} (${(statSync(vsix).size / 1024).toFixed(0)} KB)`);
  console.log(`Install it with:   code --install-extension ${vsix}`);
}
console.log('Check your own reports with:  node dist/cli.js check --format text|json FILE...');
