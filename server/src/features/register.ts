/**
 * The editing features (code actions, completion, hover, formatting, inlay hints, code lens,
 * workspace symbols, the editor's requests, preview and export). Each feature is a module in this
 * folder that declares its capability and registers its handlers on the context it is given.
 */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { Feature, FeatureContext } from './types';
import { codeActionsFeature } from './code-actions';
import { completionFeature } from './completion';
import { hoverFeature } from './hover';
import { formattingFeature } from './formatting';
import { inlayHintsFeature } from './inlay-hints';
import { codeLensFeature } from './code-lens';
import { newReportFeature } from './new-report';
import { workspaceSymbolsFeature } from './workspace-symbols';
import { requestsFeature } from './requests';
import { previewFeature } from './preview';

export type { Feature, FeatureContext } from './types';

const FEATURES: Feature[] = [
  workspaceSymbolsFeature,
  codeActionsFeature,
  completionFeature,
  hoverFeature,
  formattingFeature,
  inlayHintsFeature,
  codeLensFeature,
  newReportFeature,
  requestsFeature,
  previewFeature,
];

export const registerFeatures = {
  capabilities(): Partial<ServerCapabilities> {
    const caps = FEATURES.map((f) => f.capabilities());
    // several features may declare server commands: keep all of them
    const commands = caps.flatMap((c) => c.executeCommandProvider?.commands ?? []);
    const merged = caps.reduce<Partial<ServerCapabilities>>((all, c) => ({ ...all, ...c }), {});
    return commands.length ? { ...merged, executeCommandProvider: { commands } } : merged;
  },
  register(ctx: FeatureContext): void {
    for (const f of FEATURES) f.register(ctx);
  },
};
