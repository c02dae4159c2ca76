/** A client feature: adds its commands, given the extension context and the language client. */
import type * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';

export type ClientFeature = (context: vscode.ExtensionContext, client: () => LanguageClient | undefined) => void;
