import type { Locale } from '@vigie/shared';
import { messagesEn } from './messages-en';
import { messagesFr, type FrenchMessages, type MessageKey } from './messages-fr';

export type { MessageKey } from './messages-fr';

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { fr: messagesFr, en: messagesEn };

/** The `{name}` placeholders of a message, read from the French text at the type level. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

export type MessageParams<K extends MessageKey> = Record<Placeholders<FrenchMessages[K]>, string | number>;

/** `t('key')` for plain messages, `t('key', { name })` when the message has placeholders. */
export type TranslateArgs<K extends MessageKey> = [Placeholders<FrenchMessages[K]>] extends [never]
  ? []
  : [params: MessageParams<K>];

/** Keys whose message has no placeholder: safe to store in data and translate later with `t(key)`. */
export type PlainMessageKey = {
  [K in MessageKey]: [Placeholders<FrenchMessages[K]>] extends [never] ? K : never;
}[MessageKey];

export type Translate = <K extends MessageKey>(key: K, ...args: TranslateArgs<K>) => string;

export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

export function createTranslate(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return <K extends MessageKey>(key: K, ...args: TranslateArgs<K>): string => {
    const message = dictionary[key];
    const params: Record<string, string | number> | undefined = args[0];
    if (!params) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}
