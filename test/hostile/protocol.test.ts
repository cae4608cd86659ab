/**
 * Protocol hygiene (issue 14), against the bundled server (dist/server.js --stdio) over raw bytes:
 * JSON-RPC error codes, framing errors, no report text in window/logMessage, results keyed by
 * content, documents opened before initialize, the findings cap.
 */
import { describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';

const SERVER = path.resolve(__dirname, '../../dist/server.js');
const SECRET = 'Zebulon Quixotica';

interface Raw {
  proc: ChildProcess;
  messages: Array<Record<string, any>>;
  send(m: unknown): void;
  sendBytes(b: string | Buffer): void;
  wait(pred: (m: Record<string, any>) => boolean, ms?: number): Promise<Record<string, any>>;
  exited: Promise<number | null>;
  stderr: () => string;
}

function start(): Raw {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const messages: Array<Record<string, any>> = [];
  let buf = Buffer.alloc(0);
  let err = '';
  const waiters: Array<{ pred: (m: Record<string, any>) => boolean; resolve: (m: Record<string, any>) => void }> = [];
  proc.stderr!.on('data', (d) => (err += d));
  proc.stdout!.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString())?.[1]);
      if (buf.length < end + 4 + len) return;
      const m = JSON.parse(buf.subarray(end + 4, end + 4 + len).toString('utf8'));
      buf = buf.subarray(end + 4 + len);
      messages.push(m);
      for (const w of [...waiters])
        if (w.pred(m)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
    }
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const sendBytes = (b: string | Buffer) => proc.stdin!.write(b);
  const send = (m: unknown) => {
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    sendBytes(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  };
  const wait = (pred: (m: Record<string, any>) => boolean, ms = 10_000) =>
    new Promise<Record<string, any>>((resolve, reject) => {
      const hit = messages.find(pred);
      if (hit) return resolve(hit);
      const t = setTimeout(
        () => reject(new Error(`no matching message in ${ms} ms: ${JSON.stringify(messages).slice(0, 500)}`)),
        ms,
      );
      waiters.push({ pred, resolve: (m) => (clearTimeout(t), resolve(m)) });
    });
  return { proc, messages, send, sendBytes, wait, exited, stderr: () => err };
}

const init = (r: Raw) => {
  r.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  return r.wait((m) => m.id === 1);
};
const open = (r: Raw, uri: string, text: string, version = 1) =>
  r.send({
    jsonrpc: '2.0',
    method: 'textDocument/didOpen',
    params: { textDocument: { uri, languageId: 'radiology-report', version, text } },
  });
const REPORT = `TBS 1.262 partially degraded. T-score -2.6. Patient ${SECRET}.\n`;

describe('protocol hygiene (raw stdio)', () => {
  test('JSON-RPC errors: -32002 before initialize, -32700, -32600, -32602, -32600 after shutdown', async () => {
    const r = start();
    try {
      r.send({ jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: {} });
      expect((await r.wait((m) => m.id === 7)).error.code).toBe(-32002);
      await init(r);
      r.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
      const bad = Buffer.from(`{"jsonrpc":"2.0","id":8,"method":"x", ${SECRET}`);
      r.sendBytes(Buffer.concat([Buffer.from(`Content-Length: ${bad.length}\r\n\r\n`), bad]));
      expect((await r.wait((m) => m.id === null && m.error?.code === -32700)).error.code).toBe(-32700);
      r.send({ jsonrpc: '1.0', id: 9, method: 'textDocument/hover', params: { secret: SECRET } });
      expect((await r.wait((m) => m.id === 9)).error.code).toBe(-32600);
      r.send({ jsonrpc: '2.0', id: 10, params: { secret: SECRET } });
      expect((await r.wait((m) => m.id === 10)).error.code).toBe(-32600);
      r.send({ jsonrpc: '2.0', id: 11, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///a' } } });
      expect((await r.wait((m) => m.id === 11)).error.code).toBe(-32602);
      r.send({ jsonrpc: '2.0', id: 12, method: 'shutdown' });
      await r.wait((m) => m.id === 12 && 'result' in m);
      r.send({
        jsonrpc: '2.0',
        id: 13,
        method: 'textDocument/documentSymbol',
        params: { textDocument: { uri: 'file:///a' } },
      });
      expect((await r.wait((m) => m.id === 13)).error.code).toBe(-32600);
      // No report text (or message content) in any log line.
      const logs = r.messages.filter((m) => m.method === 'window/logMessage').map((m) => m.params.message as string);
      expect(logs.some((l) => l.includes(SECRET))).toBe(false);
      r.send({ jsonrpc: '2.0', method: 'exit' });
      expect(await r.exited).toBe(0);
    } finally {
      r.proc.kill();
    }
  });

  test.each([
    ['a bad Content-Length', 'Content-Length: twelve\r\n\r\n{}'],
    ['no Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}'],
    ['a huge header', `X-Pad: ${'a'.repeat(64 * 1024)}`],
  ])('framing error (%s): the connection ends with a clear log line', async (_name, bytes) => {
    const r = start();
    try {
      await init(r);
      r.sendBytes(bytes);
      expect(await r.exited).toBe(1);
      expect(r.stderr()).toMatch(/protocol framing error/);
    } finally {
      r.proc.kill();
    }
  });

  test('a document opened before initialize is checked once initialization completes', async () => {
    const r = start();
    try {
      open(r, 'file:///early.radreport', REPORT);
      await init(r);
      r.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
      const p = await r.wait(
        (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === 'file:///early.radreport',
      );
      expect(p.params.diagnostics.length).toBeGreaterThan(0);
    } finally {
      r.proc.kill();
    }
  });

  test('a reused version number with new content gets new diagnostics', async () => {
    const r = start();
    try {
      await init(r);
      r.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
      const uri = 'file:///reused.radreport';
      open(r, uri, REPORT, 5);
      const first = await r.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
      r.send({
        jsonrpc: '2.0',
        method: 'textDocument/didChange',
        params: { textDocument: { uri, version: 5 }, contentChanges: [{ text: 'TBS report\n' }] },
      });
      const second = await r.wait(
        (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m !== first,
      );
      expect(JSON.stringify(second.params.diagnostics)).not.toBe(JSON.stringify(first.params.diagnostics));
    } finally {
      r.proc.kill();
    }
  });

  test('findings are capped with "N more findings not shown"', async () => {
    const r = start();
    try {
      r.send({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          processId: null,
          rootUri: null,
          capabilities: {},
          initializationOptions: { maxFileSize: 50_000_000 },
        },
      });
      await r.wait((m) => m.id === 1);
      r.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
      const uri = 'file:///many.radreport';
      open(r, uri, 'TBS 1.262 normal.\n'.repeat(3000));
      const p = await r.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, 60_000);
      const diags = p.params.diagnostics as Array<{ message: string }>;
      expect(diags.length).toBe(1001);
      expect(diags[1000].message).toMatch(/^\d+ more findings not shown/);
    } finally {
      r.proc.kill();
    }
  }, 90_000);
});
