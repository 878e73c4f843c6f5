/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). A page can use them to make
 * its text display as something else in our views (an override reverses what follows); English news needs none, so
 * they are taken out of everything read from a page.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
