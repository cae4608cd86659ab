/**
 * Privacy: reports hold patient data, so
 *  1. the shipped bundles (dist/server.js, dist/client.js, dist/cli.js) use no network API but the
 *     language client's local IPC, which is allow-listed below to the exact calls it makes; and
 *  2. with tracing off, report text never leaves the server except in results *about* the document
 *     (diagnostics, hovers, symbols, ...): never in window/logMessage, window/showMessage(Request),
 *     telemetry/event, $/logTrace, or standard error.
 */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './check';

const BUNDLES = ['server.js', 'client.js', 'cli.js'];

// Network modules and APIs. `net` is listed apart: vscode-jsonrpc needs it for pipes and sockets.
const NETWORK_MODULES = ['http', 'https', 'http2', 'dns', 'tls', 'dgram', 'undici', 'net'];
const NETWORK_APIS: Array<[string, RegExp]> = [
  ['fetch(', /(?<![\w$.])fetch\s*\(/g],
  ['globalThis.fetch', /\.fetch\s*\(/g],
  ['WebSocket', /\bWebSocket\b/g],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/g],
  ['EventSource', /\bEventSource\b/g],
  ['navigator.sendBeacon', /\bsendBeacon\b/g],
];

/**
 * The allow-list: what vscode-jsonrpc's node transports (lib/node/main.js) do with `net`, and nothing
 * else. createClientPipeTransport and createServerPipeTransport use a named pipe / Unix socket
 * (net.createServer(...).listen(pipeName), net.createConnection(pipeName)); createClientSocketTransport
 * and createServerSocketTransport use a TCP socket on the loopback address only
 * (listen(port, "127.0.0.1"), createConnection(port, "127.0.0.1")). The extension starts its server
 * over IPC (TransportKind.ipc, a forked child's channel), so none of these even runs by default.
 */
const PIPE_OR_LOOPBACK_LISTEN =
  /^[^;]{0,200}\}\);\s*[\w$]+\.on\(\s*["']error["']\s*,\s*[\w$]+\s*\)\s*[,;]\s*[\w$]+\.listen\(\s*[\w$]+\s*,\s*(?:["']127\.0\.0\.1["']\s*,\s*)?(?:\(|function\b|[\w$]+\s*=>)/;
const PIPE_OR_LOOPBACK_CONNECT = /^\(\s*[\w$]+\s*(?:,\s*["']127\.0\.0\.1["']\s*)?\)/;
const NET_ALLOWED: Record<string, { createServer: RegExp[]; createConnection: RegExp[] }> = {
  // Two servers (pipe, loopback socket) and two connections (pipe, loopback socket) per bundle.
  'server.js': {
    createServer: [PIPE_OR_LOOPBACK_LISTEN, PIPE_OR_LOOPBACK_LISTEN],
    createConnection: [PIPE_OR_LOOPBACK_CONNECT, PIPE_OR_LOOPBACK_CONNECT],
  },
  'client.js': {
    createServer: [PIPE_OR_LOOPBACK_LISTEN, PIPE_OR_LOOPBACK_LISTEN],
    createConnection: [PIPE_OR_LOOPBACK_CONNECT, PIPE_OR_LOOPBACK_CONNECT],
  },
};

/** child_process is no network API, but it could run one: its uses are pinned too. */
const CHILD_PROCESS_ALLOWED: Record<string, number> = {
  // vscode-languageserver's Files.resolveGlobalNodePath/resolveModulePath (npm/yarn prefix lookup; unused here).
  'server.js': 1,
  // vscode-languageclient: starting the server (fork/spawn), plus the same vscode-languageserver helper.
  'client.js': 2,
  'cli.js': 0,
};

function read(name: string): string {
  const file = path.join(ROOT, 'dist', name);
  assert.ok(fs.existsSync(file), `${file} is missing: run node esbuild.mjs`);
  return fs.readFileSync(file, 'utf8');
}

function requiresOf(src: string, mod: string): number {
  return (
    [...src.matchAll(new RegExp(`require\\(\\s*["'\`](?:node:)?${mod}["'\`]\\s*\\)`, 'g'))].length +
    [
      ...src.matchAll(
        new RegExp(`\\bfrom\\s*["'\`](?:node:)?${mod}["'\`]|import\\(\\s*["'\`](?:node:)?${mod}["'\`]\\s*\\)`, 'g'),
      ),
    ].length
  );
}

for (const name of BUNDLES) {
  test(`dist/${name}: no network module or API except the allow-listed local IPC`, () => {
    const src = read(name);
    const problems: string[] = [];
    for (const mod of NETWORK_MODULES.filter((m) => m !== 'net'))
      if (requiresOf(src, mod)) problems.push(`require("${mod}")`);
    for (const [label, re] of NETWORK_APIS) {
      const hits = [...src.matchAll(re)].map((m) => src.slice(Math.max(0, m.index! - 60), m.index! + 60));
      if (hits.length) problems.push(`${label}: ${hits.map((h) => JSON.stringify(h)).join(' | ')}`);
    }
    // A dynamic require of a computed name could load anything.
    const dyn = [...src.matchAll(/\brequire\(\s*(?!["'`])[^)]{1,40}\)/g)]
      .map((m) => m[0])
      .filter((s) => !/^require\(\s*[\w$]+\s*\)$/.test(s) || false);
    if (dyn.length) problems.push(`computed require: ${dyn.slice(0, 5).join(', ')}`);

    const netCount = requiresOf(src, 'net');
    const allowed = NET_ALLOWED[name];
    if (!allowed) {
      if (netCount) problems.push('require("net")');
    } else {
      assert.equal(
        netCount,
        1,
        `${name}: require("net") appears ${netCount} times; expected once (vscode-jsonrpc node transports)`,
      );
      const binding = /([\w$]+)\s*=\s*(?:[\w$]+\()?require\(\s*["'`](?:node:)?net["'`]\s*\)/.exec(src)?.[1];
      assert.ok(binding, 'require("net") is bound to a name');
      // Every use of that binding is createServer/createConnection in the shapes above.
      const esc = binding.replace(/\$/g, '\\$');
      const uses = [...src.matchAll(new RegExp(`(?<![\\w$.])${esc}\\.(\\w+)\\)?`, 'g'))];
      const members = uses.map((m) => m[1]);
      for (const mbr of members)
        if (mbr !== 'createServer' && mbr !== 'createConnection') problems.push(`net.${mbr} is not allow-listed`);
      for (const kind of ['createServer', 'createConnection'] as const) {
        const calls = [...src.matchAll(new RegExp(`(?:\\(0,\\s*)?(?<![\\w$.])${esc}\\.${kind}\\)?`, 'g'))].map((m) =>
          src.slice(m.index! + m[0].length, m.index! + m[0].length + 400),
        );
        assert.equal(
          calls.length,
          allowed[kind].length,
          `${name}: net.${kind} is called ${calls.length} times; the allow-list has ${allowed[kind].length}`,
        );
        // Each call's shape: the arguments of createConnection, the listen() after createServer.
        for (const call of calls)
          if (!allowed[kind].some((re) => re.test(call)))
            problems.push(`net.${kind} call not in the allow-list: ${JSON.stringify(call.slice(0, 160))}`);
      }
    }
    // IP literals other than loopback (a hard-coded host to talk to).
    const ips = [...src.matchAll(/["'`](\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})["'`]/g)]
      .map((m) => m[1])
      .filter((ip) => ip !== '127.0.0.1' && ip !== '0.0.0.0');
    if (ips.length) problems.push(`IP literals: ${ips.join(', ')}`);
    // URLs the code could contact: only documentation and schema links are expected.
    const cp = requiresOf(src, 'child_process');
    if (cp !== CHILD_PROCESS_ALLOWED[name])
      problems.push(`require("child_process") appears ${cp} times (allow-list: ${CHILD_PROCESS_ALLOWED[name]})`);
    assert.deepEqual(problems, [], `dist/${name}`);
  });
}

// ------------------------------------------------------------------------------------------ marker

const MARKER = 'Zq7XvMARKERqJ3w';

/** A report full of the marker: names, headers, values' neighbours, placeholders, free text. */
function markedReport(): string {
  return [
    `${MARKER} REGIONAL IMAGING`,
    `Patient: ${MARKER} Delacourt            MRN: ${MARKER}-0048213`,
    `EXAM: DXA lumbar spine and left hip with trabecular bone score (CPT 77080, 77091) ${MARKER}`,
    `INDICATION: ${MARKER} postmenopausal.`,
    '',
    `${MARKER.toUpperCase()} NOTES:`,
    `${MARKER} ${MARKER} ${MARKER}`,
    '',
    'FINDINGS:',
    'Region               BMD (g/cm2)   T-score   Z-score',
    `L1-L4 ${MARKER}        0.871        -1.6      -0.2`,
    `Left femoral neck      0.694        -21      -0.7 ${MARKER}`,
    '',
    'TRABECULAR BONE SCORE:',
    `TBS L1-L4 12.62 (normal microarchitecture) ${MARKER}.`,
    '',
    'FRACTURE RISK:',
    `TBS-adjusted FRAX: MOF 170%; hip 2.9%. <${MARKER.toLowerCase()}>`,
    '',
    'IMPRESSION:',
    `1. Osteoporosis. ${MARKER} ___ {{${MARKER}}}`,
    '',
    `Electronically signed by: ${MARKER}, MD`,
    '',
  ].join('\n');
}

interface Frame {
  raw: string;
  msg: { id?: unknown; method?: string; params?: unknown; result?: unknown; error?: unknown };
}

/** Splits a captured LSP byte stream into messages. */
function frames(buf: Buffer): Frame[] {
  const out: Frame[] = [];
  let at = 0;
  while (at < buf.length) {
    const headerEnd = buf.indexOf('\r\n\r\n', at);
    if (headerEnd < 0) break;
    const header = buf.subarray(at, headerEnd).toString('ascii');
    const len = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
    const body = buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
    out.push({ raw: body, msg: JSON.parse(body) });
    at = headerEnd + 4 + len;
  }
  return out;
}

test('with tracing off, report text never appears in log, show-message, telemetry or trace messages, nor on stderr', async () => {
  // Our own spawn (not lspClient's) so that every byte the server writes is captured from the start.
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  let err = '';
  proc.stdout!.on('data', (d: Buffer) => out.push(d));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published: string[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
    published.push(p.uri);
  });
  // Other notifications need no handler: the raw capture above sees every byte.
  conn.onRequest('window/showMessageRequest', (_p: unknown) => null);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', (_p: unknown) => null);
  conn.onRequest('window/workDoneProgress/create', (_p: unknown) => null);
  conn.listen();
  const answers: unknown[] = [];
  const waitFor = async (uri: string, n: number) => {
    for (let i = 0; i < 500 && published.filter((u) => u === uri).length < n; i++)
      await new Promise((r) => setTimeout(r, 10));
  };
  try {
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: {
          workspaceEdit: { documentChanges: true },
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
        },
        textDocument: { completion: { completionItem: { snippetSupport: true } } },
      },
      initializationOptions: { debounceMs: 0, maxFileSize: 64 * 1024 },
      trace: 'off',
    });
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('$/setTrace', { value: 'off' });
    const text = markedReport();
    const docs = [
      ['file:///tmp/privacy/report.radreport', 'radiology-report', text],
      ['file:///tmp/privacy/note.txt', 'plaintext', `TBS ${MARKER} 1.262 ${MARKER}\n`],
      ['file:///tmp/privacy/note.md', 'markdown', `# ${MARKER}\n\nTrabecular bone score ${MARKER}\n`],
      ['file:///tmp/privacy/other.txt', 'plaintext', `${MARKER} nothing about bones\n`],
      // Over maxFileSize: the skip message must name the file, not quote it.
      ['file:///tmp/privacy/big.radreport', 'radiology-report', `${text}\n`.repeat(200)],
    ] as const;
    for (const [uri, languageId, t] of docs)
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: t } });
    for (const [uri] of docs) await waitFor(uri, 1);
    const uri = docs[0][0];
    // Edits, including broken ones that carry report text.
    let version = 1;
    for (const change of [
      { range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: `${MARKER} typed ` },
      { text: `${text}\nTBS ${MARKER}` },
      { range: { start: { line: 99999, character: 0 }, end: { line: 99999, character: 5 } }, text: MARKER },
      { range: { start: { line: 'x' }, end: null }, text: MARKER },
      { range: { start: { line: 5, character: 10 }, end: { line: 2, character: 0 } }, text: MARKER },
    ]) {
      version++;
      await conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [change],
      });
    }
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ text }],
    });
    await waitFor(uri, 2);
    // Everything that reads the document.
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (const character of [0, 5, 12, 30]) {
        answers.push(
          await conn
            .sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })
            .catch((e: Error) => e.message),
        );
        answers.push(
          await conn
            .sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })
            .catch((e: Error) => e.message),
        );
      }
    }
    answers.push(
      await conn
        .sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
          context: { diagnostics: [] },
        })
        .catch((e: Error) => e.message),
    );
    answers.push(
      await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }).catch((e: Error) => e.message),
    );
    answers.push(
      await conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } }).catch((e: Error) => e.message),
    );
    // Settings problems are logged: make some, and reload.
    await conn.sendNotification('workspace/didChangeConfiguration', {
      settings: { tbsReport: { severity: { 'missing-provider': 'loud' }, profile: 'x', debounceMs: 0 } },
    });
    await new Promise((r) => setTimeout(r, 300));
    // Unknown request with report text in it.
    await conn.sendRequest('tbsReport/unknown', { text }).catch(() => null);
    for (const [u] of docs) await conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    await new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      const t = setTimeout(() => (proc.kill('SIGKILL'), resolve()), 3000);
      proc.on('exit', () => (clearTimeout(t), resolve()));
    });
  } finally {
    conn.dispose();
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }
  const all = frames(Buffer.concat(out));
  const lower = MARKER.toLowerCase();
  const has = (s: string) => s.toLowerCase().includes(lower);
  const FORBIDDEN = new Set([
    'window/logMessage',
    'window/showMessage',
    'window/showMessageRequest',
    'telemetry/event',
    '$/logTrace',
    'window/showDocument',
  ]);
  const leaks = all
    .filter((f) => f.msg.method && FORBIDDEN.has(f.msg.method) && has(f.raw))
    .map((f) => f.raw.slice(0, 300));
  assert.deepEqual(leaks, [], 'report text in log, message, telemetry or trace notifications');
  assert.ok(!has(err), `report text on stderr: ${err.slice(0, 500)}`);
  // Any other server-initiated message with report text must be one about the document.
  const ABOUT_DOCUMENT = new Set(['textDocument/publishDiagnostics', 'tbsReport/status']);
  const other = all
    .filter((f) => f.msg.method && !FORBIDDEN.has(f.msg.method) && !ABOUT_DOCUMENT.has(f.msg.method) && has(f.raw))
    .map((f) => `${f.msg.method}: ${f.raw.slice(0, 200)}`);
  assert.deepEqual(other, [], 'report text in other server-initiated messages');
  // The scan can see the marker: results about the document do carry it (here, the symbols).
  assert.ok(
    all.some((f) => f.msg.id !== undefined && f.msg.method === undefined && has(f.raw)),
    'control: the marker appears in some result about the document',
  );
  assert.ok(answers.length > 0);
});
