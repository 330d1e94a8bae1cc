import { ISSUER_URL } from './issuer.js';
import { startShell } from './shell.js';

startShell({
  en: {
    title: 'Microcred demo',
    h1: 'Microcred demo',
    lede: 'Embeddable, accessible, bilingual web components for micro-credentials. Each page shows them the way one kind of user would.',
    districtBlurb: 'A district web page lists the micro-credentials educators can earn.',
    vendorBlurb: 'A learning app shows a learner their badges inside its own interface.',
    portfolioBlurb: 'An educator shows the credentials they earned, from several issuers and formats.',
    verifyBlurb: 'Anyone checks a credential: valid, expired, revoked, altered, or not checkable.',
    embedTitle: 'One element on any page',
    embedText:
      'This card was placed with one element and a src attribute; the link inside it is what people see without JavaScript.',
  },
  es: {
    title: 'Demostración de Microcred',
    h1: 'Demostración de Microcred',
    lede: 'Componentes web integrables, accesibles y bilingües para microcredenciales. Cada página los muestra como los usaría un tipo de usuario.',
    districtBlurb:
      'La página web de un distrito presenta las microcredenciales que pueden obtener sus docentes.',
    vendorBlurb:
      'Una aplicación de aprendizaje muestra a cada estudiante sus insignias dentro de la propia aplicación.',
    portfolioBlurb: 'Una docente muestra las credenciales que obtuvo, de varios emisores y formatos.',
    verifyBlurb:
      'Cualquier persona comprueba una credencial: válida, vencida, revocada, modificada o imposible de comprobar.',
    embedTitle: 'Un solo elemento en cualquier página',
    embedText:
      'Esta tarjeta se colocó con un elemento y un atributo src; el enlace que contiene es lo que se ve sin JavaScript.',
  },
});

// The one card: `src` is a credential of the demo issuer, whose address npm start chooses.
for (const el of document.querySelectorAll<HTMLElement>('[data-issuer-path]')) {
  const url = `${ISSUER_URL}${el.dataset.issuerPath ?? ''}`;
  el.setAttribute(el.localName === 'a' ? 'href' : 'src', url);
}
