import { anyCharge, objectAfter, subjectBefore } from '../syntax';
import { IDENTIFY_COMPLEMENT } from '../vocabulary';
import type { SentenceRun } from './run';

export function identifiedAsRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  const as = toks.findIndex((t, i) => i > ti && i <= ti + 12 && t.lower === 'as');
  if (as < 0) return;
  const comp = toks.findIndex((t, i) => i > as && i <= as + 4 && IDENTIFY_COMPLEMENT.has(t.lower));
  if (comp < 0) return;
  const subj = subjectBefore(r, src, ti);
  const obj = objectAfter(r, src, ti, as);
  for (const b of obj) run.add(subj[0] ?? null, b, anyCharge(r, comp), 'identified as responsible', 0.85, run.span(ti, comp + 1));
}
