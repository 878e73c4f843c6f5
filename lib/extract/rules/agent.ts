import { mainSubject, objectAfter, speakerOf } from '../syntax';
import type { SentenceRun } from './run';

export function agentRule(run: SentenceRun, ti: number, w: string): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  // "the attack was sponsored by Iran", "a murder by a Saudi team": the agent of the charge is the accused.
  const by = w === 'by' ? ti : toks.findIndex((t, i) => i > ti && i <= ti + 2 && t.lower === 'by');
  if (by < 0) return;
  const agents = objectAfter(r, src, by).filter((m) => m.from <= by + 3);
  if (!agents.length) return;
  const charge = [...r.charges].reverse().find((c) => c.to <= by) ?? null;
  if (!charge) return;
  const speaker = speakerOf(r, src);
  const subj = mainSubject(r);
  const accuser = speaker && !agents.some((m) => m.code === speaker.code) ? speaker : subj && !agents.some((m) => m.code === subj.code) ? subj : null;
  for (const b of agents) run.add(accuser, b, charge, 'agent of the charge', 0.75, run.span(ti, by + 2));
}
