import { mainSubject, speakerOf, subjectBefore } from '../syntax';
import { AFTER_COMMA } from '../vocabulary';
import type { SentenceRun } from './run';

export function calledItRule(run: SentenceRun, ti: number, w: string): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  // "Pakistan calls India's missile strikes an act of war": the actor named in the thing called a charge;
  // "declared it an aggressor state": "it" is the actor named before.
  const charge = r.charges.find((c) => c.from > ti && c.from <= ti + 12);
  if (charge) {
    // "..., calling them provocations" and "... and declared it ...": the main clause's subject speaks.
    const gap = src.slice(toks[ti - 1]?.end ?? r.sentence.start, toks[ti]!.start);
    const coordinated = w.endsWith('ing') || AFTER_COMMA.test(gap) || toks[ti - 1]?.lower === 'and';
    const subj = coordinated ? mainSubject(r) : (subjectBefore(r, src, ti)[0] ?? speakerOf(r, src));
    let named = r.mentions.filter((m) => m.from > ti && m.to <= charge.from);
    if (!named.length && ['it', 'them'].includes(toks[ti + 1]?.lower ?? '')) {
      // "It" is the last actor named before the verb in this sentence (never the speaker); otherwise unknown.
      const back = r.mentions.filter((m) => m.to <= ti && m.code !== subj?.code).pop();
      if (back && subj) named = [back];
    }
    if (named.length) for (const b of named.slice(0, 1)) run.add(subj, b, charge, 'called it a charge', 0.75, run.span(ti, charge.to));
  }
}
