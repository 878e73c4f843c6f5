import { registerBackground } from '@/lib/extension/register-background';

export default defineBackground(() => {
  registerBackground();
});
