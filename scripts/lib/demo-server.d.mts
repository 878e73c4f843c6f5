export const SEED_SLUGS: string[];
export interface MarkerHit {
  path: string;
  origin: string | null;
  referer: string | null;
}
export function startDemoServer(port?: number): Promise<{ url: string; markerHits: MarkerHit[]; close: () => Promise<void> }>;
