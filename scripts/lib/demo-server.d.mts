export const SEED_SLUGS: string[];
export function startDemoServer(port?: number): Promise<{ url: string; close: () => Promise<void> }>;
