import type { Mention } from '../actors/mentions';
import type { ReadSentence } from './read';
import { objectAfter, speakerAt, subjectBefore } from './syntax';
import { ALLEGATION, NEGATOR, PASSIVE_AUX, cueClass } from './vocabulary';

/** Verb classes whose subject and object say who does what to whom (of the scorer's cue classes, in their order). */
const VERBS: [string, ReadonlySet<string>][] = [
  'accuse',
  'blame',
  'deny',
  'condemn',
  'diplomatic',
  'legal',
  'hold',
  'attribute',
  'call',
  'speech',
].map((name) => [name, cueClass(name)]);

/** Each verb to its class (the first list that has it), for one lookup a token. */
const VERB_OF = new Map<string, string>();
for (const [name, words] of VERBS) for (const w of words) if (!VERB_OF.has(w)) VERB_OF.set(w, name);

const has = (ms: Mention[], code: string | null) => code !== null && ms.some((m) => m.code === code);

/** One verb of a sentence with the codes in its roles, found once per sentence and shared by all its candidates. */
interface VerbRoles {
  cue: string;
  at: number;
  negated: boolean;
  passive: boolean;
  subject: Mention[];
  object: Mention[];
  agent: Mention[];
  speaker: Mention | null;
}

const ROLES = new WeakMap<ReadSentence, { verbs: VerbRoles[]; allegations: number[] }>();

function verbRolesOf(r: ReadSentence): { verbs: VerbRoles[]; allegations: number[] } {
  const cached = ROLES.get(r);
  if (cached) return cached;
  const src = r.source;
  const toks = r.tokens;
  const verbs: VerbRoles[] = [];
  const allegations: number[] = [];
  for (let v = 0; v < toks.length; v++) {
    if (r.inActor[v]) continue;
    const w = toks[v]!.lower;
    const cue = VERB_OF.get(w);
    if (!cue) {
      if (ALLEGATION.has(w)) allegations.push(v);
      continue;
    }
    let negated = false;
    for (let k = Math.max(0, v - 3); k < v; k++) if (NEGATOR.has(toks[k]!.lower)) negated = true;
    const roles: VerbRoles = { cue, at: v, negated, passive: false, subject: [], object: [], agent: [], speaker: null };
    if (cue === 'speech') roles.speaker = speakerAt(r, src, v);
    else {
      const prev = toks[v - 1]?.lower;
      roles.passive = (prev !== undefined && PASSIVE_AUX.has(prev)) || toks[v + 1]?.lower === 'by';
      roles.subject = subjectBefore(r, src, v);
      if (roles.passive) {
        const by = toks.findIndex((t, i) => i > v && i <= v + 3 && t.lower === 'by');
        roles.agent = by > 0 ? objectAfter(r, src, by).filter((m) => m.from <= by + 2) : [];
      } else roles.object = objectAfter(r, src, v).filter((m) => m.from <= v + 8);
    }
    verbs.push(roles);
  }
  const out = { verbs, allegations };
  ROLES.set(r, out);
  return out;
}

/**
 * The grammatical roles of a candidate's two actors around each verb of the sentence: subject and object of an
 * active verb ("Prague accused Beijing", "Seoul summoned the Chinese envoy"), subject and agent of a passive one
 * ("Beijing was accused by Prague"), who denies ("China rejected ..."), who speaks and who is spoken of, and who
 * owns an allegation ("Britain's claims", "claims by Britain"). `a` is null when the accuser comes from context.
 */
export function roleFeatures(r: ReadSentence, a: Mention | null, b: Mention, on: (name: string) => void): void {
  const aCode = a?.code ?? null;
  const { verbs, allegations } = verbRolesOf(r);
  for (const k of allegations) allegationRoles(r, k, aCode, b.code, on);
  for (const { cue, at: v, negated, passive, subject, object, agent, speaker } of verbs) {
    const name = (role: string) => on(`${negated ? 'not-' : ''}${cue}:${role}`);
    if (cue === 'speech') {
      if (!speaker) continue;
      // "Russia shot three prisoners, Ukraine's prosecutor said" says it before the verb; "X said Y ..." after.
      const where = (m: Mention) => (m.from > v ? 'after' : 'before');
      if (speaker.code === aCode && b.from !== speaker.from) name(`a-says-of-b-${where(b)}`);
      else if (speaker.code === b.code && a) name(`b-says-of-a-${where(a)}`);
      else if (speaker.code === b.code) name('b-speaks');
      else if (a) name('another-speaks');
      continue;
    }
    if (passive) {
      if (has(subject, b.code) && has(agent, aCode)) name('b-by-a');
      else if (has(subject, aCode) && has(agent, b.code)) name('a-by-b');
      else if (has(subject, b.code)) name('b-undergoes');
      else if (has(subject, aCode)) name('a-undergoes');
      else if (has(agent, aCode)) name('by-a');
      continue;
    }
    if (has(subject, aCode) && has(object, b.code)) name('a-to-b');
    else if (has(subject, b.code) && has(object, aCode)) name('b-to-a');
    else if (has(subject, b.code)) name('b-subject');
    else if (has(subject, aCode)) name('a-subject');
    else if (has(object, b.code)) name(a ? 'object-b' : 'context-to-b');
    else if (has(object, aCode)) name('object-a');
  }
}

/** "Britain's claims", "US hacking claims", "claims by Britain": the allegation's owner accuses. */
function allegationOwner(r: ReadSentence, k: number): Mention | undefined {
  const toks = r.tokens;
  const before = r.mentions.find((m) => m.to <= k && m.to >= k - 3);
  const afterBy = ['by', 'from', 'of'].includes(toks[k + 1]?.lower ?? '')
    ? r.mentions.find((m) => m.from === k + 2 || (m.from === k + 3 && toks[k + 2]!.lower === 'the'))
    : undefined;
  return afterBy ?? before;
}

function allegationRoles(r: ReadSentence, k: number, aCode: string | null, bCode: string, on: (name: string) => void): void {
  const toks = r.tokens;
  const owner = allegationOwner(r, k);
  if (owner?.code === aCode) on('allegation:a-owns');
  else if (owner?.code === bCode) on('allegation:b-owns');
  const against = toks.findIndex((t, i) => i > k && i <= k + 3 && (t.lower === 'against' || t.lower === 'that'));
  if (against > 0) {
    const target = r.mentions.find((m) => m.from > against && m.from <= against + 3);
    if (target?.code === bCode) on('allegation:about-b');
    else if (target && target.code === aCode) on('allegation:about-a');
  }
}

/** The actors that deny in a sentence: subjects of its deny verbs that no negation turns around ("China rejects ..."). */
export function deniersOf(r: ReadSentence): Set<string> {
  const out = new Set<string>();
  for (const v of verbRolesOf(r).verbs) if (v.cue === 'deny' && !v.negated && !v.passive) for (const m of v.subject) out.add(m.code);
  return out;
}

/** The owners of the allegations a sentence names ("Britain's claims", "US hacking claims", "claims by Britain"). */
export function allegationOwnersOf(r: ReadSentence): Set<string> {
  const out = new Set<string>();
  for (const k of verbRolesOf(r).allegations) {
    const owner = allegationOwner(r, k);
    if (owner) out.add(owner.code);
  }
  return out;
}
