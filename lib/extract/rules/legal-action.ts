import { beneficiaryAfter, chargeAfter, objectAfter, speakerOf, subjectBefore } from '../syntax';
import { PASSIVE_AUX } from '../vocabulary';
import type { SentenceRun } from './run';

export function legalActionRule(run: SentenceRun, ti: number): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  // "Germany arrested an aide on suspicion of spying for China"; "Maduro was charged by the United States with ...".
  const prev = toks[ti - 1]?.lower;
  const next = toks[ti + 1]?.lower ?? '';
  // Headlines drop the auxiliary: "Maduro charged by US with narco-terrorism".
  const passive = (prev !== undefined && PASSIVE_AUX.has(prev)) || ['by', 'with', 'over', 'on', 'for'].includes(next);
  const charge = chargeAfter(r, ti);
  if (!charge) return;
  if (passive) {
    const by = toks.findIndex((t, i) => i > ti && i <= ti + 3 && t.lower === 'by');
    const accusers = by >= 0 ? objectAfter(r, src, by).filter((m) => m.from <= by + 2) : [speakerOf(r, src)];
    let accused = subjectBefore(r, src, ti);
    const forWhom = beneficiaryAfter(r, src, ti);
    if (forWhom.length) accused = forWhom;
    for (const a of accusers) for (const b of accused) run.add(a, b, charge, 'legal action (passive)', 0.75, run.span(ti, ti + 1));
  } else {
    const accuser = subjectBefore(r, src, ti)[0] ?? speakerOf(r, src);
    const forWhom = beneficiaryAfter(r, src, ti);
    // "imposed sanctions on China over ...", "designated Iran's Revolutionary Guards a terrorist organization".
    const onAgainst = r.mentions.filter((m) => m.from > ti && m.to <= charge.from && ['on', 'against'].includes(toks[m.from - 1]?.lower ?? ''));
    const obj = forWhom.length ? forWhom : [...objectAfter(r, src, ti).filter((m) => m.to <= charge.from), ...onAgainst];
    for (const b of obj) run.add(accuser, b, charge, 'legal action', 0.75, run.span(ti, ti + 1));
  }
}
