import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import '@/components/compare.css';
import { SidePanelApp } from './App';

createRoot(document.getElementById('root')!).render(<SidePanelApp />);
