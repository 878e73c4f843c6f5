import { readArticle } from '../../lib/extract/extract-accusations';
import { analyzeArticle } from '../../lib/analyze';

const tripleOf = (a: { accuser: { code: string }; accused: { code: string }; charge: { category: string } }) =>
  `${a.accuser.code}>${a.accused.code}:${a.charge.category}`;

/** What the hand-written rules read (the scorer's rule features), best first: the rules' own table tests. */
export const ruleTriples = (title: string, text: string) => readArticle({ title, text }).ruleAccusations.map(tripleOf);

/** What the whole pipeline shows (candidates, learned scorer, assembly), best first. */
export const shownTriples = (title: string, text: string, siteName: string | null = null) =>
  analyzeArticle({ title, text, siteName }).accusations.map(tripleOf);
