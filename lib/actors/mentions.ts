import type { Token } from '../text/tokens';
import { isCapitalised, isTightGap } from '../text/tokens';
import { getGazetteer, type GazetteerValue } from './gazetteer';
import roles from './rules/roles.json';

/** An actor named in a sentence, resolved to its code. */
export interface Mention {
  code: string;
  /** Canonical name of the code ("China"). */
  name: string;
  /** The article's words when they name a sub-actor ("Mainland Chinese authorities"); empty for the bare state. */
  detail: string;
  /** Token range, end exclusive. */
  from: number;
  to: number;
  start: number;
  end: number;
  surface: GazetteerValue['surface'] | 'person';
  /** The gazetteer kind of the entry named (state, intelligence, threat-actor, ...). */
  kind: string;
}

/** Article-level memory: people introduced with their role ("Foreign Minister Jan Lipavsky") resolve later by name. */
export interface MentionContext {
  people: Map<string, { code: string; detail: string }>;
  /** First words of the remembered names, to skip the lookup for every other word. */
  firstWords: Set<string>;
  /** The text is a headline in Title Case, where capitalised neighbours say nothing. */
  titleCase: boolean;
}

export function newMentionContext(): MentionContext {
  return { people: new Map(), firstWords: new Set(), titleCase: false };
}

const BEFORE = new Set(roles.before);
const BODY = new Set(roles.body);
const PERSON = new Set(roles.person);
const IN_PLACE = new Set(roles.inPlace);
/** Role words that cannot end a sub-actor phrase: they modify the head that follows. */
const NON_HEAD = new Set([
  'of',
  'and',
  'the',
  'foreign',
  'defence',
  'defense',
  'interior',
  'state',
  'ruling',
  'cyber',
  'cybersecurity',
  'diplomatic',
  'armed',
  'coast',
  'air',
  'national',
  'public',
  'presidential',
  'executive',
  'general',
  'top',
  'senior',
  'backed',
  'sponsored',
  'linked',
  'affiliated',
  'district',
  'city',
  'security',
  'justice',
  'communications',
]);
const CALENDAR = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'on',
  'in',
]);

const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'in',
  'on',
  'at',
  'as',
  'and',
  'but',
  'or',
  'after',
  'before',
  'when',
  'while',
  'if',
  'for',
  'with',
  'by',
  'from',
  'to',
  'this',
  'that',
  'its',
  'their',
  'his',
  'her',
  'our',
]);

function remember(ctx: MentionContext, key: string, value: { code: string; detail: string }) {
  ctx.people.set(key, value);
  ctx.firstWords.add(key.split(' ')[0]!);
}

const CAPITAL_OR_DIGIT = /\p{Lu}|\p{N}/u;
// (Global, but only ever used by replace, which starts it afresh.)
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;
const STARTS_WITH_DIGIT = /^\p{N}/u;
const HAS_APOSTROPHE = /['’]/;
const HAS_STOP = /[.]/;

/** Per candidate list (shared by the words that start it): every pattern needs a capital or exact case. */
const capitalOnly = new WeakMap<object, boolean>();
function onlyCapitalised(patterns: { value: GazetteerValue }[]): boolean {
  let v = capitalOnly.get(patterns);
  if (v === undefined) {
    v = patterns.every((p) => p.value.capitalised || (p.value.caseSensitive && CAPITAL_OR_DIGIT.test(p.value.form.charAt(0))));
    capitalOnly.set(patterns, v);
  }
  return v;
}

function acceptCase(v: GazetteerValue, tokens: Token[], from: number, to: number, source: string): boolean {
  if (v.caseSensitive) {
    const text = source.slice(tokens[from]!.start, tokens[to - 1]!.end).replace(NOT_LETTER_OR_DIGIT, '');
    return text === v.form.replace(NOT_LETTER_OR_DIGIT, '');
  }
  return !v.capitalised || isCapitalised(tokens[from]!.text);
}

/** A capitalised word next to a place name makes it part of a bigger proper name ("Washington Post", "South China Sea"). */
function isInsideLargerName(tokens: Token[], from: number, to: number, source: string, ctx: MentionContext, sentenceFirst: number): boolean {
  if (ctx.titleCase) return false;
  const next = tokens[to];
  if (next && isTightGap(source, tokens[to - 1]!.end, next.start) && isCapitalised(next.text) && !STARTS_WITH_DIGIT.test(next.text)) {
    const gap = source.slice(tokens[to - 1]!.end, next.start);
    if (
      !HAS_APOSTROPHE.test(gap) &&
      !BODY.has(next.lower) &&
      !PERSON.has(next.lower) &&
      !CALENDAR.has(next.lower) &&
      !getGazetteer().index.matchAt(tokens, to, source)
    ) {
      return true;
    }
  }
  const prev = tokens[from - 1];
  // A capitalised function word ("A Chinese balloon" after a dateline) starts a sentence; it names nothing.
  if (
    prev &&
    from - 1 > sentenceFirst &&
    isTightGap(source, prev.end, tokens[from]!.start) &&
    isCapitalised(prev.text) &&
    !FUNCTION_WORDS.has(prev.lower)
  ) {
    if (!BODY.has(prev.lower) && !BEFORE.has(prev.lower) && !PERSON.has(prev.lower) && !HAS_STOP.test(source.slice(prev.end, tokens[from]!.start)))
      return true;
  }
  return false;
}

/**
 * Finds the actors named in a run of tokens (a sentence), longest match first, and widens each over the role words
 * around it so that "Czech Foreign Minister Jan Lipavsky" is one mention of CZE with that detail.
 * `blocked` marks tokens that belong to charge words and must not be taken into a sub-actor phrase.
 */
export function findMentions(tokens: Token[], source: string, ctx: MentionContext, blocked: ReadonlySet<number> = new Set()): Mention[] {
  const gaz = getGazetteer();
  const raw: Mention[] = [];
  const accept = (p: { value: GazetteerValue }, from: number, to: number) => acceptCase(p.value, tokens, from, to, source);
  for (let i = 0; i < tokens.length;) {
    const person = ctx.people.size ? matchPerson(tokens, i, source, ctx) : null;
    if (person) {
      raw.push(person);
      i = person.to;
      continue;
    }
    // Most words start no name at all; a lowercase word that starts only names written with a capital starts none
    // here either (acceptCase would refuse them).
    const starts = gaz.index.startingAt(tokens[i]!);
    if (!starts.length || (!isCapitalised(tokens[i]!.text) && onlyCapitalised(starts))) {
      i++;
      continue;
    }
    const m = gaz.index.matchAt(tokens, i, source, accept);
    if (!m) {
      i++;
      continue;
    }
    const v = m.value;
    const isPlace = v.surface === 'name' || v.surface === 'capital' || v.surface === 'demonym';
    if (isPlace && isInsideLargerName(tokens, m.from, m.to, source, ctx, 0)) {
      i = m.to;
      continue;
    }
    const start = tokens[m.from]!.start;
    const end = tokens[m.to - 1]!.end;
    const words = source.slice(start, end);
    raw.push({
      code: v.code,
      name: v.codeName,
      detail: v.surface === 'name' || v.surface === 'igo' ? '' : describe(v, words),
      from: m.from,
      to: m.to,
      start,
      end,
      surface: v.surface,
      kind: v.kind,
    });
    i = m.to;
  }
  return widen(raw, tokens, source, ctx, blocked);
}

function describe(v: GazetteerValue, words: string): string {
  if (v.surface === 'threat-actor') return v.detail ? `${words} (${v.detail})` : words;
  // "Mohammed bin Salman" gets his role; "Crown Prince Mohammed bin Salman" already has it.
  if (
    v.surface === 'official' &&
    v.role &&
    !words
      .toLowerCase()
      .split(/\s+/)
      .some((w) => PERSON.has(w))
  )
    return `${v.role} ${words}`;
  return words;
}

function matchPerson(tokens: Token[], i: number, source: string, ctx: MentionContext): Mention | null {
  if (!ctx.people.size || !isCapitalised(tokens[i]!.text)) return null;
  // Cheap test first: does any remembered name start with this word?
  if (!ctx.firstWords.has(tokens[i]!.lower)) return null;
  // Full name first (two or three words), then a surname alone.
  for (let len = 3; len >= 1; len--) {
    if (i + len > tokens.length) continue;
    const key = tokens
      .slice(i, i + len)
      .map((t) => t.lower)
      .join(' ');
    const hit = ctx.people.get(key);
    if (hit) {
      const start = tokens[i]!.start;
      const end = tokens[i + len - 1]!.end;
      return {
        code: hit.code,
        name: getGazetteer().names.get(hit.code) ?? hit.code,
        detail: hit.detail,
        from: i,
        to: i + len,
        start,
        end,
        surface: 'person',
        kind: 'official',
      };
    }
  }
  return null;
}

function widen(raw: Mention[], tokens: Token[], source: string, ctx: MentionContext, blocked: ReadonlySet<number>): Mention[] {
  const out: Mention[] = [];
  const gaz = getGazetteer();
  for (let k = 0; k < raw.length; k++) {
    let m = { ...raw[k]! };
    // Leftwards over "Mainland", "senior", ...
    let from = m.from;
    while (
      from > 0 &&
      BEFORE.has(tokens[from - 1]!.lower) &&
      isTightGap(source, tokens[from - 1]!.end, tokens[from]!.start) &&
      !blocked.has(from - 1)
    )
      from--;
    // "the foreign ministry in Tehran", "officials in Beijing": a role of the government seated at the place.
    const prevEnd = out.length ? out[out.length - 1]!.to : 0;
    if (
      (m.surface === 'name' || m.surface === 'capital') &&
      from === m.from &&
      from >= 2 &&
      tokens[from - 1]!.lower === 'in' &&
      IN_PLACE.has(tokens[from - 2]!.lower)
    ) {
      let f = from - 2;
      while (f - 1 >= prevEnd && BODY.has(tokens[f - 1]!.lower) && isTightGap(source, tokens[f - 1]!.end, tokens[f]!.start)) f--;
      if (f >= prevEnd && !blocked.has(f)) from = f;
    }
    // Rightwards over role words (and a possessive 's), merging the next mention when it names the same code.
    let to = m.to;
    let lastHead = m.to;
    let sawRole = false;
    for (;;) {
      const t = tokens[to];
      if (!t || blocked.has(to) || !isTightGap(source, tokens[to - 1]!.end, t.start)) break;
      const next = raw[k + 1];
      if (next && next.from === to) {
        // "North Korea's Ministry of State Security": a body named after the country (or its demonym) belongs to that
        // country, even when the same name alone means another's.
        const ownedBody = next.code !== m.code && next.surface === 'body' && (m.surface === 'name' || m.surface === 'demonym') && to > m.to;
        if (next.code !== m.code && !ownedBody) break;
        to = next.to;
        lastHead = to;
        if (next.surface !== 'name') {
          m.surface = next.surface;
          m.kind = next.kind;
        }
        k++;
        continue;
      }
      if (t.lower === 's' && HAS_APOSTROPHE.test(source.slice(tokens[to - 1]!.end, t.start))) {
        to++;
        continue;
      }
      if (!BODY.has(t.lower) && !PERSON.has(t.lower)) break;
      to++;
      sawRole = true;
      if (!NON_HEAD.has(t.lower)) lastHead = to;
    }
    to = lastHead;
    // A person's name after a person role: "Foreign Minister Jan Lipavsky".
    if (to > m.to && PERSON.has(tokens[to - 1]!.lower)) {
      let nameEnd = to;
      while (
        nameEnd < tokens.length &&
        nameEnd - to < 3 &&
        isCapitalised(tokens[nameEnd]!.text) &&
        isTightGap(source, tokens[nameEnd - 1]!.end, tokens[nameEnd]!.start) &&
        !gaz.index.matchAt(tokens, nameEnd, source) &&
        !CALENDAR.has(tokens[nameEnd]!.lower) &&
        !BODY.has(tokens[nameEnd]!.lower)
      )
        nameEnd++;
      const next = raw[k + 1];
      if (next && next.from === to && (next.surface === 'official' || next.surface === 'person') && next.code === m.code) {
        nameEnd = next.to;
        k++;
      }
      if (nameEnd > to) {
        const nameTokens = tokens.slice(to, nameEnd);
        const detail = source.slice(tokens[from]!.start, tokens[nameEnd - 1]!.end);
        remember(ctx, nameTokens.map((t) => t.lower).join(' '), { code: m.code, detail });
        if (nameTokens.length > 1) remember(ctx, nameTokens[nameTokens.length - 1]!.lower, { code: m.code, detail });
        to = nameEnd;
      }
    }
    if (m.surface === 'official') {
      // Officials from the data are remembered by surname too ("Lipavsky said").
      const words = tokens.slice(m.from, m.to);
      if (words.length > 1) remember(ctx, words[words.length - 1]!.lower, { code: m.code, detail: m.detail });
    }
    const start = tokens[from]!.start;
    const end = tokens[to - 1]!.end;
    if (from !== m.from || to !== m.to) {
      const words = source.slice(start, end);
      m = { ...m, from, to, start, end, detail: sawRole || from !== m.from || m.detail ? words : m.detail };
    }
    // A bare demonym is an adjective ("Chinese equities"), not an actor, unless a charge follows it: "Russian
    // terrorists", "a Chinese surveillance balloon", "a Russian propaganda network".
    const chargeFollows = blocked.has(m.to) || (blocked.has(m.to + 1) && !blocked.has(m.to)) || blocked.has(m.to + 2);
    if (m.surface === 'demonym' && m.to - m.from <= 1 && !sawRole && from === raw[k]!.from && !chargeFollows) continue;
    out.push(m);
  }
  return out;
}
