/**
 * Registration point for the editing features (code actions, completion, hover, formatting,
 * inlay hints, code lens). Each feature is a module in this folder that adds its capability and
 * its handlers here.
 */
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerState } from './state';

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  state: ServerState;
  withDoc: <T>(uri: string, empty: T, f: (doc: TextDocument) => T) => T;
  /** Check a document now and publish its diagnostics, as the server does after an edit (never throws). */
  publish: (doc: TextDocument) => void;
}
export interface Feature {
  capabilities(): Partial<ServerCapabilities>;
  register(ctx: FeatureContext): void;
}

import { codeActionsFeature } from './code-actions';
import { completionFeature } from './completion';
import { hoverFeature } from './hover';
import { formattingFeature } from './formatting';
import { inlayHintsFeature } from './inlay-hints';
import { codeLensFeature } from './code-lens';
import { newReportFeature } from './new-report';

import { workspaceFeature } from '../workspace/feature';
import { workspaceSymbolsFeature } from './workspace-symbols';

// the workspace first: it joins the cross-year diagnostics to state.analyze before others use it
const FEATURES: Feature[] = [
  workspaceFeature,
  workspaceSymbolsFeature,
  codeActionsFeature,
  completionFeature,
  hoverFeature,
  formattingFeature,
  inlayHintsFeature,
  codeLensFeature,
  newReportFeature,
];

export const registerFeatures = {
  capabilities(): Partial<ServerCapabilities> {
    const caps = FEATURES.map((f) => f.capabilities());
    // several features may declare server commands: keep all of them
    const commands = caps.flatMap((c) => c.executeCommandProvider?.commands ?? []);
    return Object.assign(
      {},
      ...caps,
      commands.length ? { executeCommandProvider: { commands } } : {},
    ) as Partial<ServerCapabilities>;
  },
  register(ctx: FeatureContext): void {
    for (const f of FEATURES) f.register(ctx);
  },
};
