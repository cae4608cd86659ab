#!/usr/bin/env -S node --max-semi-space-size=4
/**
 * Entry point of the language server: `node dist/server.js --stdio` (or --node-ipc, --socket=N).
 * Only wires the connection to the server class.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { TbsServer } from './lsp/tbsServer';
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
const server = new TbsServer(createConnection(ProposedFeatures.all));
// A bad message from a client must not take the server down: log (without report text) and go on.
process.on('unhandledRejection', (err) => server.logError('a request', err));
server.listen();
