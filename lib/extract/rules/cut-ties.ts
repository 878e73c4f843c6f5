import { clauseFrom, mainSubject, subjectBefore } from '../syntax';
import { TIES } from '../vocabulary';
import type { SentenceRun } from './run';

export function cutTiesRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  // "Algeria cut diplomatic ties with Morocco, citing hostile acts": cutting ties over a charge accuses the other side.
  const ties = toks.findIndex((t, i) => i > ti && i <= ti + 4 && TIES.test(t.lower));
  const withAt = ties > 0 ? toks.findIndex((t, i) => i > ties && i <= ties + 2 && t.lower === 'with') : -1;
  const other = withAt > 0 ? r.mentions.find((m) => m.from === withAt + 1 || m.from === withAt + 2) : undefined;
  const charge = other ? r.charges.find((c) => c.from > other.to && c.from <= other.to + 12) : undefined;
  const subj = subjectBefore(r, src, ti)[0] ?? mainSubject(r);
  if (other && charge && subj) run.add(subj, other, charge, 'cut ties over a charge', 0.7, run.span(ti, charge.to));
  else if (other && subj) {
    // "Mexico broke off relations with Ecuador on Saturday after Ecuadorian police forced their way into its
    // embassy": the act that ties were cut over is the grievance, in the article's words.
    const cause = toks.findIndex((t, i) => i > other.to && i <= other.to + 4 && (t.lower === 'after' || t.lower === 'over'));
    const words = cause > 0 ? clauseFrom(r, src, cause + 1) : '';
    if (words.split(' ').length >= 3) run.add(subj, other, null, 'cut ties over an act', 0.6, run.span(ti, cause + 1), words);
  }
}
