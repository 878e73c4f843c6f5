import { anyCharge, objectAfter, quoteOf, speakerOf, subjectBefore } from '../syntax';
import { HOLD_COMPLEMENT } from '../vocabulary';
import type { SentenceRun } from './run';

export function heldResponsibleRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  const comp = toks.findIndex((t, i) => i > ti && i <= ti + 12 && HOLD_COMPLEMENT.has(t.lower));
  if (comp < 0) return;
  const subj = subjectBefore(r, src, ti);
  const accuser = subj[0] ?? speakerOf(r, src, quoteOf(r, ti));
  const obj = objectAfter(r, src, ti, comp);
  for (const b of obj) run.add(accuser, b, anyCharge(r, comp), 'held responsible', 0.85, run.span(ti, comp + 1));
}
