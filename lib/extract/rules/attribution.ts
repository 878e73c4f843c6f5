import { anyCharge, objectAfter, speakerOf, subjectBefore } from '../syntax';
import { LOOSE_ATTRIBUTE } from '../vocabulary';
import type { SentenceRun } from './run';

export function attributionRule(run: SentenceRun, ti: number, w: string): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  const to = toks.findIndex((t, i) => i > ti && i <= ti + 10 && t.lower === 'to');
  if (to < 0) return;
  // Two shapes: "attributed the attack to X" (charge, then "to" X) and "linking X to the killing" (X, then "to" charge).
  const between = r.mentions.filter((m) => m.from > ti && m.to <= to);
  const chargeAfterTo = r.charges.find((c) => c.from > to && c.from <= to + 3);
  if (between.length && chargeAfterTo) {
    const subj = subjectBefore(r, src, ti);
    const accuser = subj.find((m) => !between.some((o) => o.code === m.code)) ?? speakerOf(r, src) ?? null;
    for (const b of objectAfter(r, src, ti, to)) run.add(accuser, b, chargeAfterTo, 'linked to a charge', 0.75, run.span(ti, to + 2));
    return;
  }
  const obj = objectAfter(r, src, to);
  if (!obj.length) return;
  const charge = anyCharge(r, ti);
  if (!charge) return;
  // "linked to" names many things ("projects linked to China"): only a charge right before it or between it and "to" counts.
  if (LOOSE_ATTRIBUTE.has(w) && !(charge.from > ti && charge.to <= to) && !(charge.to <= ti && ti - charge.to <= 3)) return;
  const subj = subjectBefore(r, src, ti);
  const accuser = subj.find((m) => !obj.some((o) => o.code === m.code)) ?? speakerOf(r, src) ?? null;
  for (const b of obj) run.add(accuser, b, charge, 'attributed to', 0.8, run.span(ti, to + 1));
}
