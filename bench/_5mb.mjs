import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
buildSync({ entryPoints: ['/work/main/server/src/engine/analyze.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: '/tmp/5mb-eng.js', logLevel: 'error' });
const { analyze } = createRequire(import.meta.url)('/tmp/5mb-eng.js');
analyze('TBS 1.3');
for (const n of [12000, 24000, 48000, 120000]) {
  const t = 'TBS 1.262 T-score -2.5 FRAX MOF 17% hip 2.9% '.repeat(n);
  const c0 = process.cpuUsage(); const s = performance.now();
  analyze(t);
  const c = process.cpuUsage(c0);
  console.log(n, (t.length/1e6).toFixed(2)+'MB', (performance.now()-s).toFixed(0)+'ms wall', ((c.user+c.system)/1000).toFixed(0)+'ms cpu');
}
