import { getGazetteer } from '../../actors/gazetteer';
import { chargeAfter, mainSubject, subjectBefore } from '../syntax';
import type { SentenceRun } from './run';

export function courtRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  // "The EU took China to the WTO over ...", "South Africa filed a case against Israel": a court case accuses.
  const charge = chargeAfter(r, ti);
  const subj = subjectBefore(r, src, ti)[0] ?? mainSubject(r);
  const igo = getGazetteer().igoCodes;
  const accused = charge ? r.mentions.find((m) => m.from > ti && m.to <= charge.from && m.code !== subj?.code && !igo.has(m.code)) : undefined;
  if (charge && subj && accused) run.add(subj, accused, charge, 'took to court', 0.75, run.span(ti, ti + 1));
}
