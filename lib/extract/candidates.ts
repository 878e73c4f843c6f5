import type { Mention } from '../actors/mentions';
import type { ReadSentence } from './read';
import { mainSubject, speakerOf } from './syntax';
import { LOOP_WORDS, NEGATOR, SPEECH } from './vocabulary';

/** Where an actor of a candidate accusation comes from. */
export type ActorSource = 'sentence' | 'previous' | 'dateline' | 'headline' | 'publisher';

export interface ActorRef {
  code: string;
  /** The mention in this sentence (for `sentence`), or where the context actor was named (null for the publisher). */
  mention: Mention | null;
  source: ActorSource;
}

/** One ordered pair of actors in reach of one sentence that names a charge or an accusation's trigger word. */
export interface SentenceCandidate {
  read: ReadSentence;
  /** The sentence's place in the article (title first). */
  index: number;
  accuser: ActorRef;
  accused: ActorRef;
}

/** The article around its sentences: the actors any sentence may fall back on. */
export interface ArticleContext {
  /** The headline's main subject ("China rejects ..."). */
  headline: Mention | null;
  /** The state whose own media published the article (Xinhua: CHN), when the site is a state's. */
  publisher: string | null;
  /** The actor of the first wire dateline ("BEIJING, May 5 (Xinhua) -"). */
  dateline: Mention | null;
}

/** Body paragraphs read as the lead: the headline and the first paragraphs say the main accusation. */
export const LEAD_PARAGRAPHS = 4;

/** The sentences in reach of the candidates: the headline and the lead. */
export function inReach(r: ReadSentence): boolean {
  return r.field === 'title' || r.sentence.paragraph < LEAD_PARAGRAPHS;
}

function hasTrigger(r: ReadSentence): boolean {
  if (r.charges.length) return true;
  for (const t of r.tokens) if (LOOP_WORDS.has(t)) return true;
  return false;
}

/**
 * Every accusation word of the sentence is negated ("Japan did not accuse China of hacking", "never blamed"): the
 * sentence says no one accused anyone. A sentence with no such word (a charge alone) is not negated.
 */
export function isNegatedSentence(r: ReadSentence): boolean {
  let cues = 0;
  for (let i = 0; i < r.tokens.length; i++) {
    const t = r.tokens[i]!;
    if (r.inActor[i] || !LOOP_WORDS.has(t) || SPEECH.has(t.lower)) continue;
    cues++;
    let negated = false;
    for (let k = Math.max(0, i - 3); k < i; k++) if (NEGATOR.has(r.tokens[k]!.lower)) negated = true;
    if (!negated) return false;
  }
  return cues > 0;
}

const COORDINATION = /^\s*(?:,|and|,\s*and|as well as|together with|along with)\s*(?:the\s+)?$/i;
const MUTUAL = /\b(?:each other|one another|both sides|mutual|traded)\b/i;

/**
 * Two actors coordinated in one phrase ("Japan and Australia agreed ...") act together: neither accuses the other,
 * unless the sentence says they accuse each other.
 */
export function areCoordinated(r: ReadSentence, a: Mention, b: Mention): boolean {
  const [x, y] = a.from < b.from ? [a, b] : [b, a];
  if (!COORDINATION.test(r.source.slice(x.end, y.start))) return false;
  return !MUTUAL.test(r.sentence.text);
}

/** The first mention of each code in a sentence, in order. */
export function firstMentions(r: ReadSentence): Mention[] {
  const seen = new Set<string>();
  const out: Mention[] = [];
  for (const m of r.mentions) {
    if (seen.has(m.code)) continue;
    seen.add(m.code);
    out.push(m);
  }
  return out;
}

/**
 * Every ordered pair of actors in reach of a headline or lead sentence that names a charge or a trigger word: both
 * in the sentence, or the accused in it and the accuser from its context (the sentence before's subject, the
 * dateline, the headline's subject, the publisher's state). High recall: the scorer decides.
 */
export function generateCandidates(all: readonly ReadSentence[], ctx: ArticleContext): SentenceCandidate[] {
  const out: SentenceCandidate[] = [];
  for (let i = 0; i < all.length; i++) {
    const r = all[i]!;
    if (!inReach(r) || !hasTrigger(r) || isNegatedSentence(r)) continue;
    const inSentence = firstMentions(r);
    if (!inSentence.length) continue;
    const context: ActorRef[] = [];
    const addContext = (m: Mention | null, code: string | null, source: ActorSource) => {
      if (!code || inSentence.some((x) => x.code === code) || context.some((x) => x.code === code)) return;
      context.push({ code, mention: m, source });
    };
    if (!speakerOf(r, r.source) && !mainSubjectBeforeTrigger(r)) {
      const back = r.previousSubject();
      addContext(back, back?.code ?? null, 'previous');
    }
    addContext(ctx.dateline, ctx.dateline?.code ?? null, 'dateline');
    if (r.field === 'text') addContext(ctx.headline, ctx.headline?.code ?? null, 'headline');
    addContext(null, ctx.publisher, 'publisher');
    const accusers: ActorRef[] = [...inSentence.map((m) => ({ code: m.code, mention: m, source: 'sentence' as const })), ...context];
    for (const b of inSentence)
      for (const a of accusers) {
        if (a.code === b.code || (a.mention && a.source === 'sentence' && areCoordinated(r, a.mention, b))) continue;
        out.push({ read: r, index: i, accuser: a, accused: { code: b.code, mention: b, source: 'sentence' } });
      }
  }
  return out;
}

/** The sentence opens with an actor of its own before its first trigger word (it needs no subject from context). */
function mainSubjectBeforeTrigger(r: ReadSentence): boolean {
  const subject = mainSubject(r);
  if (!subject) return false;
  for (let k = 0; k < subject.from; k++) if (LOOP_WORDS.has(r.tokens[k]!)) return false;
  return true;
}
