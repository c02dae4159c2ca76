/** Entry of the bundled server (dist/server.js), started by the VS Code client over IPC or stdio. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// a deliberately broken server, to prove that the real-editor tests (npm run test:e2e) fail when the server cannot start
if (process.env.XXGK_BREAK_SERVER === '1')
  throw new Error('XXGK_BREAK_SERVER=1: the language server refuses to start (e2e self-test)');

startServer(createConnection(ProposedFeatures.all));
