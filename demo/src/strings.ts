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
      'The demo data could not be loaded. Start the demo with npm start: it runs the demo issuer, and reads the public test vectors from ../shared/vectors beside the repository.',
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
      'No se pudieron cargar los datos de la demostración. Iníciela con npm start: así se ejecuta el emisor de demostración y se leen los vectores de prueba públicos de ../shared/vectors, junto al repositorio.',
  },
} as const;

export type DemoLang = keyof typeof strings;
export type DemoKey = keyof (typeof strings)['en'];
