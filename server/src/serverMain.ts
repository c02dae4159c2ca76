/** Entry of the bundled server (dist/server.js), started by the VS Code client over IPC or stdio. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
