import { inRange, speakerAt } from '../syntax';
import {
  AGENT_VERBS,
  BEHIND,
  COPULA,
  COUNTER,
  HAS_APOSTROPHE,
  LINK_WORD,
  NEGATOR,
  OBJECT_JOIN,
  SPEECH,
  SPEECH_BREAK,
  STARTS_PUNCTUATION,
  TARGET_PREP,
  VERB_FORM,
} from '../vocabulary';
import type { SentenceRun } from './run';

/**
 * Reported speech and quotes: "'China is interfering in our society,' Lipavsky said" or
 * "Lipavsky said China was behind the attack". The accused must be the subject of the charge, with no word
 * between them that turns it around ("cooperate with China against cyberattacks").
 */
export function reportedSpeech(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  // Content: the quote(s) of the sentence, or what follows "said (that)".
  const speaker = speakerAt(r, src, ti);
  if (!speaker) return;
  const ranges: [number, number][] = r.quotes.filter((q) => !inRange(speaker.from, q));
  // The speaker's phrase starts at its article: "..., the Pentagon said".
  let head = Math.min(speaker.from, ti);
  if (head > 0 && toks[head - 1]!.lower === 'the') head--;
  const gapBefore = head > 0 ? src.slice(toks[head - 1]!.end, toks[head]!.start) : '';
  // "..., X said (on Tuesday)." and "..., said X." read what comes before; "X said (that) ..." what follows.
  // "..., the Pentagon said on Thursday, and officials ...": a speaker right after a comma says what comes before,
  // however the sentence goes on; what follows the verb is read too when there is more than a time or a place.
  const tail = toks.length - Math.max(ti + 1, speaker.to);
  // "..., said the ministry." ends the clause; "..., added US companies to trade blacklists" is another verb.
  const inverted = speaker.from > ti;
  const clauseEndsAfterSpeaker =
    !inverted || tail <= 4 || STARTS_PUNCTUATION.test(src.slice(toks[speaker.to - 1]!.end, toks[speaker.to]?.start ?? r.sentence.end));
  const afterComma = gapBefore.includes(',') && clauseEndsAfterSpeaker;
  if (afterComma) ranges.push([0, head]);
  if ((!afterComma || tail > 4) && speaker.to <= ti) ranges.push([ti + 1, toks.length]);
  for (const [a, b] of ranges) {
    const inside = r.mentions.filter((m) => m.from >= a && m.to <= b && m.code !== speaker.code);
    for (const m of inside) {
      const prev = toks[m.from - 1];
      if (prev && TARGET_PREP.has(prev.lower) && m.from - 1 >= a) continue;
      const after = r.charges.filter((c) => c.from >= m.to && c.from <= m.to + 12 && c.to <= b);
      // The predicate's charge ("... was an act of international terrorism") over one in the subject ("drone strike").
      const charge = after.find((c) => toks.slice(Math.max(m.to, c.from - 4), c.from).some((t) => COPULA.has(t.lower))) ?? after[0];
      if (!charge) continue;
      const between = toks.slice(m.to, charge.from);
      // "..., after Estonia said the jets had violated its airspace": an actor that speaks in its own clause is a
      // speaker, not the doer of the charge that follows.
      if (between.some((t) => COUNTER.has(t.lower) || NEGATOR.has(t.lower) || SPEECH_BREAK.has(t.lower) || SPEECH.has(t.lower))) continue;
      // A verb-like link (is/was/behind/of...), a possessive ("India's missile strikes"), or a demonym right before its
      // charge ("Russian terrorists"); a bare list of nouns is not a claim.
      // "to counter North Korea's threats", "to deter Iranian attacks": the speaker defends, it does not accuse.
      if (toks.slice(Math.max(a, m.from - 3), m.from).some((t) => COUNTER.has(t.lower))) continue;
      const possessive = toks[m.to]?.lower === 's' && HAS_APOSTROPHE.test(src.slice(toks[m.to - 1]!.end, toks[m.to]!.start));
      const linked =
        between.length <= 1 ||
        possessive ||
        (m.surface === 'demonym' && between.length <= 3 && !charge.weak) ||
        between.some(
          (t) => BEHIND.has(t.lower) || AGENT_VERBS.has(t.lower) || COPULA.has(t.lower) || LINK_WORD.test(t.lower) || VERB_FORM.test(t.lower),
        );
      if (!linked) continue;
      const words = src.slice(m.start, charge.end);
      run.add(speaker, m, charge, 'reported speech', 0.7, words);
      // "... said the United States and Colombia were behind an armed incursion": the coordinated actors too.
      let last = m;
      for (const n of inside) {
        if (n.from < last.to || n.to > charge.from) continue;
        if (!OBJECT_JOIN.test(src.slice(last.end, n.start))) break;
        run.add(speaker, n, charge, 'reported speech', 0.7, src.slice(n.start, charge.end));
        last = n;
      }
      break;
    }
  }
}
