const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'of', 'and', 'to', 'in', 'is', 'that', 'for', 'on', 'with', 'was', 'said', 'by', 'as', 'it', 'has', 'have', 'from', 'which', 'were'],
  fr: ['le', 'la', 'les', 'des', 'et', 'en', 'du', 'un', 'une', 'est', 'que', 'pour', 'dans', 'qui', 'sur', 'pas', 'au', 'par', 'avec', 'été'],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'mit',
    'den',
    'ein',
    'eine',
    'auf',
    'für',
    'von',
    'dem',
    'sich',
    'zu',
    'im',
    'auch',
    'wurde',
    'hat',
  ],
  es: ['el', 'la', 'los', 'las', 'de', 'que', 'y', 'en', 'un', 'una', 'por', 'con', 'para', 'es', 'del', 'se', 'al', 'como', 'fue', 'su'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'un', 'una', 'non', 'con', 'del', 'della', 'sono', 'è', 'ha', 'gli', 'nel', 'alla', 'anche', 'stato'],
  pt: ['o', 'a', 'os', 'as', 'de', 'que', 'e', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'por', 'foi', 'se', 'ao', 'dos'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'in', 'niet', 'met', 'voor', 'zijn', 'die', 'ook', 'heeft', 'werd', 'aan', 'bij'],
  cs: ['a', 'se', 'na', 'je', 'že', 'v', 'to', 's', 'z', 'do', 've', 'o', 'by', 'jako', 'které', 'který', 'jsou', 'také', 'podle', 'bylo'],
  pl: ['i', 'w', 'na', 'z', 'się', 'że', 'do', 'nie', 'to', 'jest', 'o', 'jak', 'po', 'przez', 'oraz', 'który', 'także', 'został', 'dla', 'od'],
};

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Han}/u, 'zh'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Thai}/u, 'th'],
];

/**
 * Guesses the language of a text from its script and its most common function words. Returns an ISO 639-1 code,
 * or 'und' when the text is too short or unclear. Reads at most the first 20,000 characters.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu) ?? [];
  if (letters.length < 20) return 'und';
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin / letters.length < 0.5) {
    let best = 'und';
    let bestCount = 0;
    for (const [re, code] of SCRIPTS) {
      const count = sample.match(new RegExp(re.source, 'gu'))?.length ?? 0;
      if (count > bestCount) [best, bestCount] = [code, count];
    }
    // Kana beside Han is Japanese.
    if (best === 'zh' && /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(sample)) return 'ja';
    return best;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts: Record<string, number> = {};
  for (const [lang, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    counts[lang] = words.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0) / Math.max(1, words.length);
  }
  const [lang, share] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return share >= 0.08 ? lang : 'und';
}
