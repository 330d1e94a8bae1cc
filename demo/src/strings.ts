/** The demo pages' own chrome, in English and Spanish (the elements translate themselves). */
export const strings = {
  en: {
    skip: 'Skip to content',
    switchTo: 'Español',
    switchLabel: 'Ver esta página en español',
    navHome: 'Overview',
    navDistrict: 'District catalog',
    navVendor: 'Vendor app',
    navPortfolio: 'Educator portfolio',
    navVerify: 'Verify',
    missing:
      'The demo data could not be loaded: the demo issuer is not answering. Start the demo with npm start, which runs the issuer beside these pages.',
  },
  es: {
    skip: 'Saltar al contenido',
    switchTo: 'English',
    switchLabel: 'View this page in English',
    navHome: 'Inicio',
    navDistrict: 'Catálogo del distrito',
    navVendor: 'Aplicación de un proveedor',
    navPortfolio: 'Portafolio docente',
    navVerify: 'Verificar',
    missing:
      'No se pudieron cargar los datos de la demostración: el emisor de demostración no responde. Inicie la demostración con npm start, que ejecuta el emisor junto a estas páginas.',
  },
} as const;

export type DemoLang = keyof typeof strings;
export type DemoKey = keyof (typeof strings)['en'];
