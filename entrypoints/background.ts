import { registerBackground } from '@/lib/extension/register-background';
import { registerE2eSmoke } from '@/lib/extension/e2e-smoke';

export default defineBackground(() => {
  const handlers = registerBackground();
  // Test-only: lets the Firefox smoke test reach the background through a page (see lib/extension/e2e-smoke.ts).
  if (import.meta.env.MODE === 'e2e') registerE2eSmoke(handlers);
});
