import type { CounterclaimWithReport } from '../library/reports';
import type { CounterclaimView } from '../messaging';

/** The shape the UI shows for a counterclaim found in the library. */
export function toCounterclaimView(c: CounterclaimWithReport): CounterclaimView {
  return {
    relation: c.relation,
    score: c.score,
    reasons: c.reasons,
    against: c.against,
    judgement: c.judgement ?? null,
    report: c.report,
    accusation: {
      accuser: c.stored.accuser,
      accused: c.stored.accused,
      category: c.stored.category,
      chargeText: c.stored.chargeText,
      quote: c.stored.quote,
      index: c.stored.index ?? 0,
    },
  };
}
