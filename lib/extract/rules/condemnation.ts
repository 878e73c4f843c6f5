import { chargeAfter, crossesClause, mainSubject, objectAfter, quoteOf, subjectBefore } from '../syntax';
import { DENOUNCE, LOOP_WORDS } from '../vocabulary';
import type { SentenceRun } from './run';

export function condemnationFromRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  // "North Korea fired two ballistic missiles, drawing condemnation from South Korea and Japan": those it is drawn
  // from accuse the main clause's subject of its act.
  // When the main clause is itself a charge ("the G7 accused China of coercion, drawing a rebuke from Beijing"),
  // the rebuke answers it: a denial, not an accusation.
  const accusers = objectAfter(r, src, ti + 1);
  const doer = mainSubject(r);
  const said = doer ? toks.slice(doer.to, ti).some((t) => LOOP_WORDS.has(t) || DENOUNCE.has(t.lower)) : true;
  const act = doer && !said && doer.to <= ti ? [...r.charges].reverse().find((c) => c.from >= doer.to && c.to <= ti) : undefined;
  if (doer && act) for (const a of accusers) run.add(a, doer, act, 'drew condemnation', 0.7, run.span(ti, ti + 2));
}

export function denunciationRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  const subj = subjectBefore(r, src, ti);
  const obj = objectAfter(r, src, ti);
  const charge = chargeAfter(r, ti);
  if (!obj.length && subj.length) {
    // "North Korea fires new ICBM; U.S., Japan and South Korea condemn 'flagrant violation'": what is condemned
    // is the act of the clause before, so its doer and its charge are the accusation's.
    const first = subj[0]!;
    const doer = r.mentions.filter((m) => m.to <= first.from && !quoteOf(r, m.from) && !subj.some((x) => x.code === m.code)).pop();
    const act = doer && crossesClause(r, src, doer.to - 1, first.from) ? r.charges.find((c) => c.from >= doer.to && c.to <= first.from) : undefined;
    if (doer && act) for (const a of subj) run.add(a, doer, act, 'condemned the act of the clause before', 0.75, run.span(doer.from, ti + 1));
    return;
  }
  if (!charge) return;
  // "condemned X for C": the condemned actor stands before the charge; "condemned the attack" accuses no one.
  for (const a of subj)
    for (const b of obj.filter((m) => m.to <= charge.from)) run.add(a, b, charge, 'condemnation with a charge', 0.8, run.span(ti, ti + 1));
}
