/** The types of the message tables: ids come from the Chinese table, placeholders from its texts. */
import type { zhCN } from './zh-CN';

/** The languages of messages: Chinese (the default) and English. */
export type Locale = 'zh' | 'en';

export type MessageId = keyof typeof zhCN;
/** Every locale's table: a text for each id. */
export type MessageTable = { readonly [K in MessageId]: string };

/** The placeholder names of a message text: `{table}缺少{name}` → 'table' | 'name'. */
type Holes<S> = S extends `${string}{${infer P}}${infer R}` ? P | Holes<R> : never;
export type MessageParams<K extends MessageId> = Record<Holes<(typeof zhCN)[K]>, string | number>;
/** The arguments after the id: none when the text has no placeholder, else one value for each. */
export type MessageArgs<K extends MessageId> = [Holes<(typeof zhCN)[K]>] extends [never]
  ? []
  : [params: MessageParams<K>];

/** The ids of messages without placeholders (a rule's description, a table of fixed phrases). */
export type PlainMessageId = {
  [K in MessageId]: [Holes<(typeof zhCN)[K]>] extends [never] ? K : never;
}[MessageId];

/** Looks a message up in the user's language and fills its placeholders. */
export type Translate = <K extends MessageId>(id: K, ...args: MessageArgs<K>) => string;

/** A message chosen now and put into words later (e.g. kept in the model, shown by a rule). */
export interface MessageRef {
  id: MessageId;
  params?: Record<string, string | number>;
}
