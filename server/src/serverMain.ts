/**
 * Entry of the bundled server (dist/server.js) in Node, started by the VS Code client over IPC or
 * stdio, or by `xxgk lsp --stdio`: the Node connection and platform (node/platform.ts) given to
 * the server core (server.ts).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './server';
import { nodeServerDeps } from './node/platform';

// a deliberately broken server, to prove that the real-editor tests (npm run test:e2e) fail when the server cannot start
if (process.env.XXGK_BREAK_SERVER === '1')
  throw new Error('XXGK_BREAK_SERVER=1: the language server refuses to start (e2e self-test)');

const connection = createConnection(ProposedFeatures.all);
// a promise rejected with no handler would end the process (Node's default): log it instead
process.on('unhandledRejection', (err) =>
  connection.console.error(`xxgk: unhandled rejection: ${String(err instanceof Error ? err.stack : err)}`),
);
createServer(connection, nodeServerDeps());
