import { mountCatalog } from './catalog.js';
import { startShell } from './shell.js';

startShell({
  en: {
    title: 'Micro-credentials — Lakeside Unified School District',
    h1: 'Professional learning micro-credentials',
    lede: 'Short, skill-focused credentials for Lakeside educators. Each one is earned by showing evidence from your classroom.',
  },
  es: {
    title: 'Microcredenciales — Distrito Escolar Unificado de Lakeside',
    h1: 'Microcredenciales de desarrollo profesional',
    lede: 'Credenciales breves y centradas en habilidades para el personal docente de Lakeside. Cada una se obtiene presentando evidencias de su aula.',
  },
});

// The district's catalog: <mc-catalog> fed by the demo issuer's catalog feed (demo/src/catalog.ts).
mountCatalog();
