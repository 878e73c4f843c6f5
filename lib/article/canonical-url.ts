const TRACKING =
  /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref|ref_src|ref_url|cmpid|ocid|smid|sref|taid|spm|share|at_medium|at_campaign|at_custom\d*)$/i;

/** Removes tracking parameters and the fragment, lowercases the host and drops a default port; null for non-web URLs. */
export function canonicalizeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  // forEach, not the keys() iterator: in a Firefox content script the iterator of a URLSearchParams is not iterable
  // (it comes from another compartment), and the extractor runs there.
  const kept: [string, string][] = [];
  u.searchParams.forEach((value, key) => {
    if (!TRACKING.test(key)) kept.push([key, value]);
  });
  // Sorted by key in UTF-16 code units, keeping the order of equal keys, as URLSearchParams.sort() does.
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  u.search = new URLSearchParams(kept).toString();
  u.hostname = u.hostname.toLowerCase();
  let href = u.href;
  if (u.pathname !== '/' && href.endsWith('/') && !u.search) href = href.slice(0, -1);
  return href;
}
