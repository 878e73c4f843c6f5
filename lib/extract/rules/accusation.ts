import type { Mention } from '../../actors/mentions';
import {
  anaphoraAfter,
  anyCharge,
  beneficiaryAfter,
  chargeAfter,
  coordinatedSubject,
  coordinatesVerb,
  mainSubject,
  objectAfter,
  ofPhrase,
  quoteOf,
  subjectBefore,
} from '../syntax';
import { ACCUSE, AFTER_COMMA, BLAME, DOCUMENT, JOIN_VERBS, PASSIVE_AUX } from '../vocabulary';
import type { SentenceRun } from './run';

export function accusationRule(run: SentenceRun, ti: number, w: string): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  const next = toks[ti + 1]?.lower;
  const prev = toks[ti - 1]?.lower;
  // A gerund is a trigger only as a participle ("..., accusing X") or a progressive ("is accusing");
  // "blaming the killing on a few agents would not satisfy Turkey" accuses no one.
  const gapBefore = src.slice(toks[ti - 1]?.end ?? r.sentence.start, toks[ti]!.start);
  // "a report accusing the US of ...": a document's accusation is its author's.
  const ofDocument = w.endsWith('ing') && DOCUMENT.has(prev ?? '');
  if (
    w.endsWith('ing') &&
    !ofDocument &&
    !AFTER_COMMA.test(gapBefore) &&
    !['in', 'after', 'while', 'and', 'by', 'is', 'are', 'was', 'were', 'been', 'of'].includes(prev ?? '') &&
    ti > 0
  )
    return;
  if (next === 'each' || next === 'one') {
    const subj = subjectBefore(r, src, ti);
    const charge = chargeAfter(r, ti);
    for (const a of subj)
      for (const b of subj) if (a !== b) run.add(a, b, charge, 'mutual accusation', 0.85, run.span(ti, ti + 3), ofPhrase(r, src, ti));
    return;
  }
  const on = BLAME.has(w) ? toks.findIndex((t, i) => i > ti && i <= ti + 6 && t.lower === 'on') : -1;
  if (on > 0 && r.mentions.some((m) => m.from === on + 1 || (m.from === on + 2 && toks[on + 1]!.lower === 'the'))) {
    // "The attack was blamed on Russia" / "Kyiv blamed the attack on Moscow".
    const accused = objectAfter(r, src, on);
    // "... was blamed on North Korea by South Korean officials": the agent follows.
    const last = accused[accused.length - 1];
    const by = last && toks[last.to]?.lower === 'by' ? last.to : -1;
    const agents = by > 0 ? objectAfter(r, src, by).filter((m) => m.from <= by + 2) : [];
    const accusers: (Mention | null)[] = prev && PASSIVE_AUX.has(prev) ? (agents.length ? agents : [null]) : [subjectBefore(r, src, ti)[0] ?? null];
    for (const a of accusers) for (const b of accused) run.add(a, b, anyCharge(r, ti), 'blamed on', 0.8, run.span(ti, ti + 2));
    return;
  }
  const passive =
    (prev !== undefined && PASSIVE_AUX.has(prev)) || next === 'of' || next === 'by' || next === 'for' || next === 'over' || next === undefined;
  if (passive) {
    // "Iran was blamed by Israel, Britain and the United States for ..."; a person accused "of spying for China".
    let accused = subjectBefore(r, src, ti);
    const by = toks.findIndex((t, i) => i > ti && i <= ti + 3 && t.lower === 'by');
    const agents = by >= 0 ? objectAfter(r, src, by).filter((m) => m.from <= by + 2) : [];
    const group = agents.length ? objectAfter(r, src, by).slice(0, 6) : [];
    if (!accused.length || accused.every((m) => m.kind === 'official')) {
      const forWhom = beneficiaryAfter(r, src, ti);
      if (forWhom.length) accused = forWhom;
    }
    if (!accused.length) return;
    const accusers: (Mention | null)[] = group.length ? group : [null];
    const charge = chargeAfter(r, ti);
    for (const a of accusers)
      for (const b of accused)
        run.add(
          a,
          b,
          charge,
          a ? 'passive accusation with agent' : 'passive accusation, accuser named elsewhere',
          a ? 0.85 : 0.7,
          run.span(ti, ti + 2),
          ACCUSE.has(w) ? ofPhrase(r, src, ti) : '',
        );
    return;
  }
  // "..., accusing X of" / "in accusing X of": the subject is the main clause's.
  // "..., accusing X" and "Qureshi said ... and accused India": the subject is the main clause's.
  const participial =
    (w.endsWith('ing') && (AFTER_COMMA.test(gapBefore) || ofDocument || ['in', 'after', 'while', 'by'].includes(prev ?? ''))) ||
    coordinatesVerb(r, ti);
  const main = participial ? (prev === 'and' ? coordinatedSubject(r, ti) : mainSubject(r)) : null;
  const subj = main && main.to <= ti ? [main] : subjectBefore(r, src, ti);
  // "Canada joined Britain in accusing China ...": the joined party accuses too.
  if (prev === 'in' && main) {
    const join = toks.findIndex((t, i) => i >= main.to && i < ti - 1 && JOIN_VERBS.has(t.lower));
    if (join >= 0) subj.push(...r.mentions.filter((m) => m.from > join && m.to < ti && m.code !== main.code && !quoteOf(r, m.from)));
  }
  let obj = objectAfter(r, src, ti);
  const ofAt = toks.findIndex((t, i) => i > ti && (t.lower === 'of' || t.lower === 'for'));
  if (obj.length && ofAt > 0 && obj[0]!.from > ofAt) obj = []; // the actor after "of" is part of the charge
  if (!obj.length) {
    const back = anaphoraAfter(r, src, ti, subj[0]?.code ?? null);
    if (back) obj = [back];
  }
  // "Iraq condemns deadly shelling of a resort and blames Turkey": blame may point back at a charge.
  const charge = chargeAfter(r, ti) ?? (BLAME.has(w) ? anyCharge(r, ti) : null);
  for (const a of subj.length ? subj : [null])
    for (const b of obj)
      run.add(
        a,
        b,
        charge,
        participial ? 'accusation in a participle clause' : 'active accusation',
        a ? 0.9 : 0.7,
        run.span(ti, ti + 1),
        ACCUSE.has(w) ? ofPhrase(r, src, ti) : '',
      );
}
