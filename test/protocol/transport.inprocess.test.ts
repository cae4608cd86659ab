/**
 * The guarded transport (server/src/lsp/transport.ts) in process: Content-Length framing with
 * limits, and the gate that answers out-of-turn or malformed JSON-RPC itself. The spawned-server
 * tests in test/hostile/protocol.test.ts drive the same code through dist/server.js over stdio;
 * these tests see each decision directly (and count it in coverage).
 */
import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import type { Message, MessageWriter } from 'vscode-languageserver/node';
import {
  FramedReader,
  GatedReader,
  INVALID_PARAMS,
  INVALID_REQUEST,
  MAX_HEADER,
  sanitizeLog,
  SERVER_NOT_INITIALIZED,
} from '../../server/src/lsp/transport';

function frame(body: string, extraHeader = ''): Buffer {
  const b = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n${extraHeader}\r\n`, 'ascii'), b]);
}

function framed() {
  const input = new PassThrough();
  const logs: string[] = [];
  const fatals: string[] = [];
  let parseErrors = 0;
  const reader = new FramedReader(
    input,
    { log: (l) => logs.push(l), fatal: (l) => fatals.push(l) },
    () => parseErrors++,
  );
  const got: unknown[] = [];
  reader.listen((m) => got.push(m));
  return { input, logs, fatals, got, parseErrors: () => parseErrors };
}

describe('FramedReader', () => {
  test('reads messages whole across chunk boundaries, several per chunk', () => {
    const f = framed();
    const a = frame(JSON.stringify({ jsonrpc: '2.0', method: 'a' }));
    const b = frame(JSON.stringify({ jsonrpc: '2.0', method: 'b', params: { text: 'é TBS 1.262' } }));
    const all = Buffer.concat([a, b]);
    for (let i = 0; i < all.length; i += 7) f.input.write(all.subarray(i, i + 7));
    expect(f.got).toEqual([
      { jsonrpc: '2.0', method: 'a' },
      { jsonrpc: '2.0', method: 'b', params: { text: 'é TBS 1.262' } },
    ]);
    expect(f.fatals).toEqual([]);
  });

  test('a body that is not JSON is answered with a parse error and reading goes on', () => {
    const f = framed();
    f.input.write(frame('{not json: TBS 1.262'));
    f.input.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'next' })));
    expect(f.parseErrors()).toBe(1);
    expect(f.got).toEqual([{ jsonrpc: '2.0', method: 'next' }]);
    expect(f.logs.join('\n')).not.toContain('1.262');
  });

  test.each([
    ['a Content-Length that is not a number', Buffer.from('Content-Length: 12abc\r\n\r\n{}', 'ascii')],
    ['no Content-Length', Buffer.from('Content-Type: application/json\r\n\r\n{}', 'ascii')],
    ['a header line without a name', Buffer.from('garbage\r\n\r\n{}', 'ascii')],
    ['a charset other than UTF-8', frame('{}', 'Content-Type: application/vscode-jsonrpc; charset=latin1\r\n')],
    ['a huge Content-Length', Buffer.from('Content-Length: 9999999999\r\n\r\n', 'ascii')],
    ['a header longer than the limit', Buffer.from(`X-Long: ${'a'.repeat(MAX_HEADER + 10)}`, 'ascii')],
  ])('framing error (%s): one fatal line, nothing delivered after it', (_name, bytes) => {
    const f = framed();
    f.input.write(bytes);
    f.input.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'after' })));
    expect(f.fatals).toHaveLength(1);
    expect(f.fatals[0]).toMatch(/protocol framing error/);
    expect(f.got).toEqual([]);
  });
});

function gated() {
  const written: Array<{ id: unknown; error: { code: number } }> = [];
  const writer = {
    write: (m: Message) => {
      written.push(m as never);
      return Promise.resolve();
    },
  } as unknown as MessageWriter;
  const f = framed();
  const logs: string[] = [];
  const inner = new FramedReader(f.input, { log: (l) => logs.push(l), fatal: () => undefined }, () => undefined);
  const gate = new GatedReader(inner, writer, { log: (l) => logs.push(l), fatal: () => undefined });
  const passed: Array<{ method?: string; id?: unknown }> = [];
  gate.listen((m) => passed.push(m as never));
  const send = (m: unknown) => f.input.write(frame(JSON.stringify(m)));
  return { gate, send, passed, written, logs };
}

describe('GatedReader', () => {
  test('requests before initialize get -32002; didOpen passes and is checked later', () => {
    const g = gated();
    g.send({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: {} });
    g.send({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri: 'file:///a', languageId: 'radiology-report', version: 1, text: 'TBS 1.262' } },
    });
    g.send({ jsonrpc: '2.0', method: 'workspace/didChangeConfiguration', params: {} });
    expect(g.written).toEqual([
      expect.objectContaining({ id: 1, error: expect.objectContaining({ code: SERVER_NOT_INITIALIZED }) }),
    ]);
    expect(g.passed.map((m) => m.method)).toEqual(['textDocument/didOpen']);
  });

  test('invalid requests, invalid params, a second initialize and anything after shutdown are answered here', () => {
    const g = gated();
    g.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: {} } });
    g.send({ id: 2, method: 'textDocument/hover' }); // no jsonrpc
    g.send({ jsonrpc: '2.0', id: 3 }); // neither method nor result
    g.send({ jsonrpc: '2.0', id: 4, method: 'textDocument/hover', params: { textDocument: { uri: 'x' } } });
    g.send({ jsonrpc: '2.0', id: 5, method: 'textDocument/hover', params: 'text' });
    g.send({ jsonrpc: '2.0', id: { bad: true }, method: 'textDocument/hover', params: {} });
    g.send({ jsonrpc: '2.0', id: 6, method: 'initialize', params: { capabilities: {} } });
    g.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a' } } });
    g.send({ jsonrpc: '2.0', id: 7, method: 'shutdown' });
    g.send({ jsonrpc: '2.0', id: 8, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'x' } } });
    g.send({ jsonrpc: '2.0', method: 'exit' });
    expect(g.passed.map((m) => m.method)).toEqual(['initialize', 'shutdown', 'exit']);
    expect(g.gate.shutDown).toBe(true);
    const codes = Object.fromEntries(g.written.map((w) => [String(w.id), w.error.code]));
    expect(codes).toEqual({
      '2': INVALID_REQUEST,
      '3': INVALID_REQUEST,
      '4': INVALID_PARAMS,
      '5': INVALID_REQUEST,
      null: INVALID_REQUEST,
      '6': INVALID_REQUEST,
      '8': INVALID_REQUEST,
    });
    // The dropped didOpen is logged by method name only.
    expect(g.logs.some((l) => l.includes('textDocument/didOpen'))).toBe(true);
  });
});

test('sanitizeLog keeps the library log lines free of message content', () => {
  const line = sanitizeLog('Received a message that is neither a response nor a notification:\n{"text":"TBS 1.262"}');
  expect(line).not.toContain('1.262');
  expect(line).toMatch(/^tbs-report \(protocol\): /);
  expect(sanitizeLog('tbs-report: own line')).toBe('tbs-report: own line');
  expect(sanitizeLog('x'.repeat(400)).length).toBeLessThan(200);
});
