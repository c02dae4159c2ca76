/** What every editing feature is given (built once by createServer), and what a feature is. */
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAccess } from '../platform';
import type { Workspace } from '../workspace/workspace';
import type { ServerState } from './state';

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  state: ServerState;
  workspace: Workspace;
  files: FileAccess;
  withDoc: <T>(uri: string, empty: T, f: (doc: TextDocument) => T) => T;
  /** Check a document now and publish its diagnostics, as the server does after an edit (never throws). */
  publish: (doc: TextDocument) => void;
}
export interface Feature {
  capabilities(): Partial<ServerCapabilities>;
  register(ctx: FeatureContext): void;
}
