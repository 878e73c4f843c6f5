import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import '@/components/compare.css';
import { CompareApp } from './CompareApp';

createRoot(document.getElementById('root')!).render(<CompareApp />);
