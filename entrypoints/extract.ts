import { extractPage } from '@/lib/extension/extract-page';

// Injected into the active tab when the user clicks; its return value goes back to the background.
export default defineUnlistedScript(() => extractPage(document, location.href, window.getSelection()?.toString() ?? ''));
