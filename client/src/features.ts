/**
 * Client-side features that need the editor (preview panel, export, new year, import). Each adds
 * its commands here.
 */
import type * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { previewAndExport } from './preview';
import { newYearFeature } from './new-year';
import { importFeature } from './import';
import { newReportFeature } from './new-report';

import type { ClientFeature } from './types';

export type { ClientFeature } from './types';

const FEATURES: ClientFeature[] = [newYearFeature, newReportFeature, importFeature, previewAndExport];

export function registerClientFeatures(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
): void {
  for (const f of FEATURES) f(context, client);
}
