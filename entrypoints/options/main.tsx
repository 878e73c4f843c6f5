import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import '@/components/library.css';
import { LibraryApp } from './LibraryApp';

createRoot(document.getElementById('root')!).render(<LibraryApp />);
