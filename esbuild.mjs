// Bundles the client, the server and the CLI into dist/ (CommonJS, Node 20+ as package.json's
// engines says, minified).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: !process.argv.includes('--no-minify'),
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  loader: { '.code-snippets': 'json' },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
];

if (watch) {
  for (const b of builds) (await esbuild.context({ ...common, ...b })).watch();
} else {
  const t = Date.now();
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  console.log(`built dist/client.js, dist/server.js, dist/cli.js in ${Date.now() - t} ms`);
}
