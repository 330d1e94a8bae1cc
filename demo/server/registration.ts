/**
 * Registration for the catalog's offerings: the page the catalog feed's `registration.url` points
 * to (`GET /register/{achievement}[?lang=es]`: the offering's facts, its window and the seats left,
 * and a form while registration is open) and the form's target (`POST /register/{achievement}`,
 * name and email; 303 to the page, which then confirms). Registrations are stored (store.ts) and
 * taken off the seats the feed publishes. English and Spanish.
 */
import type { Documents } from './documents.js';
import type { SeedAchievement } from './seed-data.js';

type Lang = 'en' | 'es';

const text = {
  en: {
    title: (name: string) => `Register: ${name}`,
    effort: 'Estimated effort',
    hours: (h: number) => `${h} hours`,
    format: 'Format',
    formats: { 'self-paced': 'Self-paced', cohort: 'Cohort', blended: 'Blended' },
    window: 'Registration',
    windowText: (opens: string, closes: string) => `opens ${opens}, closes ${closes}`,
    cost: 'Cost',
    seats: 'Seats left',
    evidence: 'What you will submit',
    name: 'Your name',
    email: 'Your district email',
    submit: 'Register',
    done: (who: string, name: string) => `Thank you, ${who}: you are registered for ${name}.`,
    doneNote: 'Demo only: no email is sent. Your registration is stored by the demo issuer.',
    notOpen: (opens: string) => `Registration opens ${opens}.`,
    closed: 'Registration is closed.',
    full: 'This offering is full.',
    invalid: 'Please give your name and an email address.',
    other: 'Español',
  },
  es: {
    title: (name: string) => `Inscripción: ${name}`,
    effort: 'Dedicación estimada',
    hours: (h: number) => `${h} horas`,
    format: 'Modalidad',
    formats: { 'self-paced': 'A su ritmo', cohort: 'En grupo', blended: 'Mixta' },
    window: 'Inscripción',
    windowText: (opens: string, closes: string) => `se abre el ${opens} y se cierra el ${closes}`,
    cost: 'Costo',
    seats: 'Plazas disponibles',
    evidence: 'Lo que presentará',
    name: 'Su nombre',
    email: 'Su correo electrónico del distrito',
    submit: 'Inscribirse',
    done: (who: string, name: string) => `Gracias, ${who}: su inscripción en ${name} quedó registrada.`,
    doneNote:
      'Solo para la demostración: no se envía ningún correo. El emisor de demostración guarda su inscripción.',
    notOpen: (opens: string) => `La inscripción se abre el ${opens}.`,
    closed: 'La inscripción está cerrada.',
    full: 'No quedan plazas.',
    invalid: 'Indique su nombre y una dirección de correo electrónico.',
    other: 'English',
  },
} as const;

const escapeHtml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Where registration stands today. */
export type RegistrationState = 'open' | 'not-open' | 'closed' | 'full';

interface Offering {
  opens: string;
  closes: string;
  cost: string;
  seats: number;
}

/** The offering as the catalog feed publishes it today, and whether one can register. */
export function offeringOf(
  docs: Documents,
  a: SeedAchievement,
  lang: Lang,
  now = Date.now(),
): { offering: Offering; state: RegistrationState } {
  const entry = docs.catalogEntry(a, lang === 'es' ? 'es' : undefined, now);
  const offering = entry['registration'] as Offering;
  const today = new Date(now).toISOString().slice(0, 10);
  const state: RegistrationState =
    today < offering.opens
      ? 'not-open'
      : today > offering.closes
        ? 'closed'
        : offering.seats === 0
          ? 'full'
          : 'open';
  return { offering, state };
}

/** Reads and checks the form (`application/x-www-form-urlencoded`): a name and an email. */
export function readForm(body: string): { name: string; email: string } | undefined {
  const form = new URLSearchParams(body);
  const name = (form.get('name') ?? '').trim().slice(0, 200);
  const email = (form.get('email') ?? '').trim().toLowerCase().slice(0, 200);
  if (!name || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return undefined;
  return { name, email };
}

/** The registration page: `{ title, body }` HTML (the issuer's page shell adds the rest). */
export function registrationPage(
  docs: Documents,
  a: SeedAchievement,
  lang: Lang,
  options: { registered?: string; invalid?: boolean; now?: number } = {},
): { title: string; body: string } {
  const t = text[lang];
  const es = lang === 'es';
  const name = es ? a.nameEs : a.name;
  const { offering, state } = offeringOf(docs, a, lang, options.now);
  const date = (d: string) =>
    new Intl.DateTimeFormat(es ? 'es' : 'en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(d));
  const self = `/register/${a.id}`;
  const other = `${self}${es ? '' : '?lang=es'}`;
  const fact = (label: string, value: string) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;
  const evidence = a.offering.evidence.map((e) => `<li>${escapeHtml(es ? e.nameEs : e.name)}</li>`).join('');
  const status = options.registered
    ? `<p role="status" class="done"><strong>${escapeHtml(t.done(options.registered, name))}</strong> ${escapeHtml(t.doneNote)}</p>`
    : '';
  const form =
    state === 'open'
      ? `<form method="post" action="${self}${es ? '?lang=es' : ''}">
${options.invalid ? `<p role="alert" class="error">${escapeHtml(t.invalid)}</p>` : ''}
<p><label for="name">${escapeHtml(t.name)}</label><br><input id="name" name="name" autocomplete="name" required maxlength="200"></p>
<p><label for="email">${escapeHtml(t.email)}</label><br><input id="email" name="email" type="email" autocomplete="email" required maxlength="200"></p>
<p><button type="submit">${escapeHtml(t.submit)}</button></p>
</form>`
      : `<p class="note">${escapeHtml(
          state === 'not-open' ? t.notOpen(date(offering.opens)) : state === 'closed' ? t.closed : t.full,
        )}</p>`;
  return {
    title: t.title(name),
    body: `<p><a href="${escapeHtml(other)}" lang="${es ? 'en' : 'es'}">${t.other}</a></p>
<h1>${escapeHtml(t.title(name))}</h1>
<p>${escapeHtml(es ? a.descriptionEs : a.description)}</p>
${status}
<dl>
${fact(t.effort, t.hours(a.hours))}
${fact(t.format, t.formats[a.offering.format])}
${fact(t.window, t.windowText(date(offering.opens), date(offering.closes)))}
${fact(t.cost, offering.cost)}
${fact(t.seats, String(offering.seats))}
</dl>
<h2>${escapeHtml(t.evidence)}</h2>
<ul>${evidence}</ul>
${form}`,
  };
}
