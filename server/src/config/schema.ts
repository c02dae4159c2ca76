/**
 * The JSON Schema of `.xxgkrc.json`, made from the rule registry so that it lists every rule id
 * (schemas/xxgkrc.schema.json is written from it by `npm run docs`; a test keeps the two equal).
 * VS Code completes and validates the file with it (`contributes.jsonValidation`).
 */
import { message, type PlainMessageId } from '../messages';
import { LOCALES, SEVERITIES } from './index';

export function configJsonSchema(rules: readonly { id: string; description: PlainMessageId }[]): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/xxgk-report/xxgk-report/blob/main/schemas/xxgkrc.schema.json',
    title: '.xxgkrc.json',
    description: message('zh', 'config.schema.file'),
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      locale: {
        description: message('zh', 'config.schema.locale'),
        enum: [...LOCALES],
      },
      rules: {
        description: message('zh', 'config.schema.rules'),
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          rules.map((r) => [
            r.id,
            {
              description: message('zh', r.description),
              enum: [...SEVERITIES],
            },
          ]),
        ),
      },
      ignore: {
        description: message('zh', 'config.schema.ignore'),
        type: 'array',
        items: { type: 'string', minLength: 1 },
        uniqueItems: true,
      },
    },
  };
}
