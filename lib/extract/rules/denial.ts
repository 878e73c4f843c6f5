import { demonymAt, objectAfter, quoteOf, subjectBefore } from '../syntax';
import { ACCUSE, ALLEGATION, BLAME, SPEECH } from '../vocabulary';
import type { SentenceRun } from './run';

export function denialRule(run: SentenceRun, ti: number, w: string): void {
  const r = run.r;
  const src = r.source;
  const toks = r.tokens;
  const subj = subjectBefore(r, src, ti);
  for (const d of subj) run.denials.push({ code: d.code, text: r.sentence.text });
  let allegation = false;
  // "India rejected Pakistan's allegation that it sponsors terrorism": the allegation is Pakistan's, against India.
  for (let k = ti + 1; k < Math.min(toks.length, ti + 8); k++) {
    if (!ALLEGATION.has(toks[k]!.lower)) continue;
    // The allegation's owner before it ("Pakistan's allegation", "a British accusation") or after it
    // ("accusations by the United States").
    const by = ['by', 'from'].includes(toks[k + 1]?.lower ?? '') ? k + 1 : -1;
    const owner =
      r.mentions.find((m) => m.to <= k && m.from > ti) ??
      demonymAt(r, k - 1) ??
      (by > 0 ? r.mentions.find((m) => m.from === by + 1 || (m.from === by + 2 && toks[by + 1]!.lower === 'the')) : undefined);
    const named = objectAfter(r, src, k);
    const accused = named.find((m) => m.code !== owner?.code) ?? subj[0];
    // The allegation's own charge: before the next rule word ("... and accused Canada of ...") and close by.
    const nextRule = toks.findIndex((t, i) => i > k && (ACCUSE.has(t.lower) || BLAME.has(t.lower)));
    const charge = r.charges.find((c) => c.from > k && c.from <= k + 10 && (nextRule < 0 || c.from < nextRule)) ?? null;
    if (owner && accused) run.add(owner, accused, charge, 'rejected allegation', 0.8, run.span(ti, k + 1));
    allegation = true;
    break;
  }
  // "Russia denies its fighter jets violated Estonian airspace", "The Kremlin denied interfering": what a state
  // denies doing is what it stands accused of, by an accuser the article names elsewhere (else nothing is read).
  const head = subj[0];
  if (!allegation && head && w.startsWith('den') && !quoteOf(r, ti)) {
    const nextRule = toks.findIndex((t, i) => i > ti && (ACCUSE.has(t.lower) || BLAME.has(t.lower) || SPEECH.has(t.lower)));
    const charge = r.charges.find((c) => c.from > ti && c.from <= ti + 8 && (nextRule < 0 || c.from < nextRule) && !c.weak);
    const other = r.mentions.find(
      (m) => m.from > ti && m.code !== head.code && m.to <= (charge?.from ?? 0) && !['its', 'their'].includes(toks[m.from - 1]?.lower ?? ''),
    );
    if (charge && !other) run.add(null, head, charge, 'denied a charge (the accused side)', 0.6, run.span(ti, charge.to));
  }
}
