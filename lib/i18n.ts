import en from '../public/_locales/en/messages.json';

/**
 * The UI's strings. Every string a user reads goes through `t` (or `tn` for counts), keyed by the entries of
 * public/_locales/en/messages.json, so a translator adds public/_locales/<lang>/messages.json and nothing else.
 *
 * Placeholders are written `{name}` and filled here, not with the browser's `$1` substitutions, so the same message
 * text works in Chrome, Firefox and in Node (tests, where there is no `i18n` API and the English file is read directly).
 * Counts use one key per plural category: `reportCount_one`, `reportCount_other` (see `tn`).
 */
export type MessageKey = keyof typeof en;

/** Keys that have plural forms (`base_one` and `base_other`) → `base`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_one` ? B : never) : never;

export type Vars = Record<string, string | number>;

interface I18nApi {
  getMessage(key: string): string;
  getUILanguage?(): string;
}

function browserI18n(): I18nApi | null {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  const api = g.browser?.i18n ?? g.chrome?.i18n;
  return api && typeof api.getMessage === 'function' ? api : null;
}

function fill(message: string, vars?: Vars): string {
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const english = en as Record<string, { message: string }>;

function lookup(key: string): string {
  let message = '';
  try {
    message = browserI18n()?.getMessage(key) ?? '';
  } catch {
    // An extension context that has gone away (the page outlived an update) still shows the English text.
  }
  return message || english[key]?.message || key;
}

/** The message for `key`, its `{placeholders}` filled from `vars`. */
export function t(key: MessageKey, vars?: Vars): string {
  return fill(lookup(key), vars);
}

/** The UI language (for plural rules and dates): the browser's, else English. */
export function uiLanguage(): string {
  try {
    return browserI18n()?.getUILanguage?.() || 'en';
  } catch {
    return 'en';
  }
}

let plurals: Intl.PluralRules | null = null;

/** The message for a count: `base_<category>` by the UI language's plural rules, falling back to `base_other`. `{count}` is filled. */
export function tn(base: PluralKey, count: number, vars?: Vars): string {
  plurals ??= new Intl.PluralRules(uiLanguage());
  const key = `${base}_${plurals.select(count)}`;
  let message = lookup(key);
  if (message === key) message = lookup(`${base}_other`);
  return fill(message, { count, ...vars });
}
