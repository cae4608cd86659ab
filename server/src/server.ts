#!/usr/bin/env -S node --max-semi-space-size=4
/**
 * Entry point of the language server: `node dist/server.js --stdio` (or --node-ipc, --socket=N).
 * Wires the connection to the server class, through the guarded transport (lsp/transport.ts):
 * framing limits and well-formed JSON-RPC on stdio and IPC, and log lines without message content.
 */
import type { Connection, RemoteConsole } from 'vscode-languageserver/node';
import { createConnection, IPCMessageReader, IPCMessageWriter, StreamMessageWriter } from 'vscode-languageserver/node';
import type { MessageWriter } from 'vscode-languageserver/node';
import { TbsServer } from './lsp/tbsServer';
import { FramedReader, GatedReader, PARSE_ERROR, sanitizeLog } from './lsp/transport';
import type { TransportEvents } from './lsp/transport';
import { VERSION } from './version';

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`tbs-report-language-server ${VERSION}\n`);
  process.exit(0);
}
if (args.includes('--help') || !args.some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) {
  process.stderr.write(
    'Usage: tbs-report-language-server --stdio | --node-ipc | --socket=PORT\n\nThe TBS report language server (LSP). Start it from an editor; see the README for Neovim, Emacs and Helix.\n',
  );
  process.exit(args.includes('--help') ? 0 : 2);
}

/** Every log line the connection sends (the library's too) goes out without message content. */
const features = {
  __brand: 'features' as const,
  console: (Base: new () => RemoteConsole) =>
    class extends Base {
      error(m: string) {
        super.error(sanitizeLog(String(m)));
      }
      warn(m: string) {
        super.warn(sanitizeLog(String(m)));
      }
      info(m: string) {
        super.info(sanitizeLog(String(m)));
      }
      log(m: string) {
        super.log(sanitizeLog(String(m)));
      }
      debug(m: string) {
        super.debug(sanitizeLog(String(m)));
      }
    },
};

let connection: Connection | null = null;
const events: TransportEvents = {
  log: (line) => (connection ? connection.console.log(line) : process.stderr.write(`${line}\n`)),
  fatal: (line) => {
    // One clear line where a user looks (stderr, the client's output channel), then the end: a
    // stream out of step cannot be read again.
    process.stderr.write(`${line}\n`);
    connection?.console.error(line);
    setTimeout(() => process.exit(1), 50);
  },
};

function transport(): [GatedReader, MessageWriter] | null {
  if (args.includes('--stdio')) {
    const writer = new StreamMessageWriter(process.stdout);
    const framed = new FramedReader(process.stdin, events, () => {
      void writer
        .write({ jsonrpc: '2.0', id: null, error: { code: PARSE_ERROR, message: 'Parse error' } } as never)
        .catch(() => undefined);
    });
    return [new GatedReader(framed, writer, events), writer];
  }
  if (args.includes('--node-ipc')) {
    const writer = new IPCMessageWriter(process);
    return [new GatedReader(new IPCMessageReader(process), writer, events), writer];
  }
  return null; // --socket, --pipe: the library's own transport.
}

const io = transport();
connection = io ? createConnection(features, io[0], io[1]) : createConnection(features);
// The client went away (stdin closed, IPC channel gone): exit, 0 after a shutdown request, else 1.
if (io) io[0].onClose(() => process.exit(io[0].shutDown ? 0 : 1));
const server = new TbsServer(connection);
// A bad message from a client must not take the server down: log (without report text) and go on.
process.on('unhandledRejection', (err) => server.logError('a request', err));
server.listen();
