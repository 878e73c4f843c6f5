/** Plain words for the scorer's features, for the reasons an accusation card shows. */
const CUES: Record<string, string> = {
  accuse: 'an accusation verb',
  blame: 'a blame verb',
  deny: 'a denial',
  condemn: 'a condemnation',
  diplomatic: 'a diplomatic step (summons, expulsion)',
  legal: 'a legal step (charges, sanctions, arrests)',
  hold: '"held responsible"',
  attribute: 'an attribution ("traced to", "linked to")',
  behind: '"behind" or "responsible"',
  agent: 'a doer\'s verb ("carried out", "sponsored")',
  call: '"called it"',
  allegation: 'an allegation noun',
  condemnation: 'a condemnation noun',
  report: 'a finding verb ("found", "revealed")',
  document: 'a document (report, statement)',
  speech: 'a speech verb',
  passive: 'a passive verb',
};
const WHERE: Record<string, string> = {
  'a<v<b': 'between accuser and accused',
  'b<v<a': 'between accused and accuser',
  'v<a<b': 'before both',
  'v<b<a': 'before both',
  'a<b<v': 'after both',
  'b<a<v': 'after both',
  'ctx,v<b': 'before the accused',
  'ctx,b<v': 'after the accused',
};
const ROLE: Record<string, string> = { a: 'accuser', b: 'accused' };
const ROLE_FEATURES: Record<string, string> = {
  subject: 'is the subject',
  speaker: 'speaks',
  'in-quote': 'is quoted',
  'after-preposition': 'follows a preposition',
  'after-by': 'follows "by"',
  demonym: 'is named by a demonym',
  'owns-allegation': 'owns the allegation ("the US\'s claims")',
  'qualifies-charge': 'qualifies the charge ("Chinese hackers")',
  'does-charge': 'does the charge ("was behind the attack")',
  'counters-charge': 'counters the charge',
  'in-headline': 'is in the headline',
  'headline-subject': "is the headline's subject",
  publisher: "is the publisher's state",
};
const OTHER: Record<string, string> = {
  'rule:primary': "the rules' main reading",
  'rule:secondary': "one of the rules' readings",
  'rule:sentence': 'a rule read it in this sentence',
  'ctx:previous': 'the accuser speaks in the sentence before',
  'ctx:dateline': 'the accuser is in the dateline',
  'ctx:headline': "the accuser is the headline's subject",
  'ctx:publisher': "the accuser is the publisher's state",
  'charge:strong': 'a charge word',
  'charge:between': 'the charge stands between them',
  'charge:after-b': 'the charge follows the accused',
  'in-title': 'in the headline',
  sentences: 'said in several sentences',
};

/** A feature's name in words ("accuse:a<v<b": "an accusation verb between accuser and accused"). */
export function describeFeature(name: string): string {
  if (OTHER[name]) return OTHER[name];
  const [head, ...rest] = name.split(':');
  const tail = rest.join(':');
  if (head && CUES[head] && WHERE[tail]) return `${CUES[head]} ${WHERE[tail]}`;
  if (head === 'negated' && CUES[tail]) return `${CUES[tail]}, negated`;
  if (head && ROLE[head]) {
    if (tail.startsWith('kind:')) return `the ${ROLE[head]} is a ${tail.slice(5)}`;
    if (ROLE_FEATURES[tail]) return `the ${ROLE[head]} ${ROLE_FEATURES[tail]}`;
  }
  return name;
}
