/**
 * The demo's fictional district: Lakeside Unified School District, its 14 micro-credentials in 3
 * stacks, and 3 educators with earned, in-progress, submitted, expired and revoked credentials.
 * Everything here is invented. Dates are relative to the moment the database is seeded.
 */

export interface SeedStack {
  id: string;
  name: string;
  nameEs: string;
  description: string;
  descriptionEs: string;
}

export interface SeedAchievement {
  id: string;
  stack: string;
  name: string;
  nameEs: string;
  description: string;
  descriptionEs: string;
  /** Markdown. */
  criteria: string;
  criteriaEs: string;
  hours: number;
  /** Badge colour (hex). */
  color: string;
  tags: string[];
  alignment: { targetName: string; targetCode: string; targetFramework: string };
  /** Years the credential stays valid (none: does not expire). */
  validYears?: number;
  /** How the district offers it: the catalog feed's extension fields (`GET /achievements`). */
  offering: SeedOffering;
}

/**
 * How the district offers a micro-credential, as the catalog feed publishes it
 * (packages/core/src/catalog/feed.ts; effort comes from `hours`). Registration windows are counted
 * from the day of the request, so the demo's catalog is open whenever it runs; `published` from
 * the seed date.
 */
export interface SeedOffering {
  format: 'self-paced' | 'cohort' | 'blended';
  /** Registration opens this many days from today (negative: already open). */
  opensInDays: number;
  /** Registration closes this many days from today. */
  closesInDays: number;
  /** Places offered; the feed publishes those not yet taken by registrations. */
  seats: number;
  /** Days before the seed date the district published it. */
  publishedDaysAgo: number;
  gradeBands: string[];
  /** The evidence an educator submits (`kind` as the feed documents it). */
  evidence: { name: string; nameEs: string; kind: string }[];
}

export interface SeedEducator {
  id: string;
  name: string;
  email: string;
  role: string;
  roleEs: string;
  school: string;
  /** The documented demo bearer token for this educator's OB 3.0 API. */
  token: string;
}

/** `earned` credentials are issued; `revoked` were issued and then revoked; the rest are progress. */
export type AwardState = 'earned' | 'revoked' | 'in-progress' | 'submitted' | 'returned';

export interface SeedAward {
  educator: string;
  achievement: string;
  state: AwardState;
  /** Days before the seed date it was issued (or started). */
  daysAgo: number;
  /** Override the expiry: days after the seed date (negative = already expired). */
  expiresInDays?: number;
  /** Served in the OB 3.0 API as a VC-JWT instead of JSON-LD with a Data Integrity proof. */
  jwt?: boolean;
  evidence?: { name: string; narrative: string };
  /** Reviewer feedback for `returned`. */
  feedback?: string;
}

const framework = 'Lakeside Professional Practice Standards';

export const DISTRICT = {
  name: 'Lakeside Unified School District',
  nameEs: 'Distrito Escolar Unificado de Lakeside',
  description:
    'A fictional public school district of 14 schools. Its micro-credentials recognise professional learning that educators show in their own classrooms.',
  email: 'professional-learning@lakeside.example',
  color: '#0b5c7a',
};

export const STACKS: SeedStack[] = [
  {
    id: 'assessment',
    name: 'Assessment for Learning',
    nameEs: 'Evaluación para el aprendizaje',
    description: 'Design assessments that show what students know, and use the results to plan teaching.',
    descriptionEs:
      'Diseñar evaluaciones que muestren lo que saben los estudiantes y usar los resultados para planificar.',
  },
  {
    id: 'digital',
    name: 'Digital Learning',
    nameEs: 'Aprendizaje digital',
    description: 'Use technology so that every student can take part, create and think critically.',
    descriptionEs: 'Usar la tecnología para que cada estudiante participe, cree y piense de forma crítica.',
  },
  {
    id: 'inclusive',
    name: 'Inclusive Classrooms',
    nameEs: 'Aulas inclusivas',
    description: 'Teach multilingual learners and students of every background and ability well.',
    descriptionEs: 'Enseñar bien a estudiantes multilingües y de todos los orígenes y capacidades.',
  },
];

const a = (x: SeedAchievement): SeedAchievement => x;

export const ACHIEVEMENTS: SeedAchievement[] = [
  a({
    id: 'formative-assessment-design',
    stack: 'assessment',
    name: 'Formative Assessment Design',
    nameEs: 'Diseño de evaluación formativa',
    description: 'Plans quick checks for understanding and adjusts the lesson while it is still running.',
    descriptionEs: 'Planifica comprobaciones rápidas de comprensión y ajusta la clase mientras transcurre.',
    criteria:
      'Submit **three lesson plans** with embedded checks for understanding, and a short reflection on how the results changed your teaching.',
    criteriaEs:
      'Presente **tres planes de clase** con comprobaciones de comprensión y una breve reflexión sobre cómo los resultados cambiaron su enseñanza.',
    hours: 10,
    offering: {
      format: 'cohort',
      opensInDays: -12,
      closesInDays: 24,
      seats: 30,
      publishedDaysAgo: 420,
      gradeBands: ['K–5', '6–8', '9–12'],
      evidence: [
        {
          name: 'Three lesson plans with checks for understanding',
          nameEs: 'Tres planes de clase con comprobaciones de comprensión',
          kind: 'lesson-plan',
        },
        {
          name: 'Reflection on how the results changed your teaching',
          nameEs: 'Reflexión sobre cómo los resultados cambiaron su enseñanza',
          kind: 'reflection',
        },
      ],
    },
    color: '#0b5c7a',
    tags: ['assessment', 'planning'],
    alignment: { targetName: 'Assessment literacy', targetCode: 'LPPS-3.1', targetFramework: framework },
    validYears: 3,
  }),
  a({
    id: 'feedback-that-moves-learning',
    stack: 'assessment',
    name: 'Feedback That Moves Learning',
    nameEs: 'Retroalimentación que impulsa el aprendizaje',
    description: 'Gives students specific, timely feedback they act on.',
    descriptionEs: 'Da a los estudiantes retroalimentación específica y oportuna que ponen en práctica.',
    criteria:
      'Submit **student work samples** before and after feedback, with the feedback you gave and what the student changed.',
    criteriaEs:
      'Presente **muestras de trabajo** antes y después de la retroalimentación, con la retroalimentación dada y lo que cambió el estudiante.',
    hours: 8,
    offering: {
      format: 'self-paced',
      opensInDays: -180,
      closesInDays: 180,
      seats: 60,
      publishedDaysAgo: 400,
      gradeBands: ['K–5', '6–8', '9–12'],
      evidence: [
        {
          name: 'Student work before and after feedback',
          nameEs: 'Trabajo de estudiantes antes y después de la retroalimentación',
          kind: 'student-work',
        },
        { name: 'The feedback you gave', nameEs: 'La retroalimentación que dio', kind: 'artifact' },
      ],
    },
    color: '#1f6f8b',
    tags: ['assessment', 'feedback'],
    alignment: { targetName: 'Feedback practice', targetCode: 'LPPS-3.2', targetFramework: framework },
    validYears: 3,
  }),
  a({
    id: 'data-driven-small-groups',
    stack: 'assessment',
    name: 'Data-Driven Small Groups',
    nameEs: 'Grupos pequeños basados en datos',
    description: 'Forms and re-forms small groups from assessment data.',
    descriptionEs: 'Forma y reorganiza grupos pequeños a partir de datos de evaluación.',
    criteria: 'Submit a **six-week grouping log** with the data behind each regrouping decision.',
    criteriaEs: 'Presente un **registro de agrupación de seis semanas** con los datos de cada decisión.',
    hours: 12,
    offering: {
      format: 'blended',
      opensInDays: -8,
      closesInDays: 30,
      seats: 25,
      publishedDaysAgo: 380,
      gradeBands: ['K–5', '6–8'],
      evidence: [
        {
          name: 'Six-week grouping log with the data behind each decision',
          nameEs: 'Registro de agrupación de seis semanas con los datos de cada decisión',
          kind: 'artifact',
        },
      ],
    },
    color: '#2a7f62',
    tags: ['assessment', 'data'],
    alignment: { targetName: 'Using data to plan', targetCode: 'LPPS-3.3', targetFramework: framework },
    validYears: 3,
  }),
  a({
    id: 'standards-based-grading',
    stack: 'assessment',
    name: 'Standards-Based Grading',
    nameEs: 'Calificación basada en estándares',
    description: 'Reports learning against standards rather than averages of points.',
    descriptionEs: 'Informa del aprendizaje según estándares y no como promedio de puntos.',
    criteria: 'Submit a **unit gradebook** organised by standard, and a letter to families explaining it.',
    criteriaEs:
      'Presente un **registro de calificaciones** organizado por estándar y una carta a las familias.',
    hours: 10,
    offering: {
      format: 'cohort',
      opensInDays: -5,
      closesInDays: 35,
      seats: 24,
      publishedDaysAgo: 360,
      gradeBands: ['6–8', '9–12'],
      evidence: [
        {
          name: 'Unit gradebook organised by standard',
          nameEs: 'Registro de calificaciones de una unidad organizado por estándar',
          kind: 'artifact',
        },
        { name: 'Letter to families', nameEs: 'Carta a las familias', kind: 'artifact' },
      ],
    },
    color: '#35618f',
    tags: ['assessment', 'grading'],
    alignment: { targetName: 'Grading practice', targetCode: 'LPPS-3.4', targetFramework: framework },
  }),
  a({
    id: 'assessment-capstone',
    stack: 'assessment',
    name: 'Assessment for Learning Capstone',
    nameEs: 'Proyecto final de evaluación para el aprendizaje',
    description: 'Leads a colleague through a full assessment cycle.',
    descriptionEs: 'Guía a un colega durante un ciclo completo de evaluación.',
    criteria:
      'Hold the other four micro-credentials of this stack, then submit a **coaching log** and a **video** of a debrief.',
    criteriaEs:
      'Tenga las otras cuatro microcredenciales de este itinerario y presente un **registro de acompañamiento** y un **video**.',
    hours: 20,
    offering: {
      format: 'cohort',
      opensInDays: 12,
      closesInDays: 45,
      seats: 12,
      publishedDaysAgo: 300,
      gradeBands: ['K–5', '6–8', '9–12'],
      evidence: [
        { name: 'Coaching log', nameEs: 'Registro de acompañamiento', kind: 'artifact' },
        { name: 'Video of a debrief', nameEs: 'Video de una conversación de cierre', kind: 'video' },
      ],
    },
    color: '#5b4a8b',
    tags: ['assessment', 'leadership'],
    alignment: { targetName: 'Instructional leadership', targetCode: 'LPPS-6.1', targetFramework: framework },
  }),
  a({
    id: 'accessible-digital-materials',
    stack: 'digital',
    name: 'Accessible Digital Materials',
    nameEs: 'Materiales digitales accesibles',
    description: 'Makes documents, slides and videos that every student can use.',
    descriptionEs: 'Crea documentos, presentaciones y videos que todos los estudiantes pueden usar.',
    criteria:
      'Submit **five class materials** with headings, alternative text, captions and sufficient contrast, checked with an accessibility checker.',
    criteriaEs:
      'Presente **cinco materiales** con encabezados, texto alternativo, subtítulos y contraste suficiente, revisados con un verificador.',
    hours: 6,
    offering: {
      format: 'self-paced',
      opensInDays: -240,
      closesInDays: 120,
      seats: 80,
      publishedDaysAgo: 900,
      gradeBands: ['K–5', '6–8', '9–12'],
      evidence: [
        {
          name: 'Five class materials checked with an accessibility checker',
          nameEs: 'Cinco materiales de clase revisados con un verificador de accesibilidad',
          kind: 'artifact',
        },
      ],
    },
    color: '#7a3e9d',
    tags: ['digital', 'accessibility'],
    alignment: { targetName: 'Accessible design', targetCode: 'LPPS-4.1', targetFramework: framework },
    validYears: 2,
  }),
  a({
    id: 'blended-station-rotation',
    stack: 'digital',
    name: 'Blended Learning: Station Rotation',
    nameEs: 'Aprendizaje combinado: rotación por estaciones',
    description: 'Runs a station rotation with one teacher-led, one online and one collaborative station.',
    descriptionEs: 'Organiza una rotación con una estación dirigida, una en línea y una colaborativa.',
    criteria: 'Submit a **station plan**, a **video clip** of a transition and student reflections.',
    criteriaEs:
      'Presente un **plan de estaciones**, un **video** de una transición y reflexiones de estudiantes.',
    hours: 10,
    offering: {
      format: 'blended',
      opensInDays: -15,
      closesInDays: 20,
      seats: 28,
      publishedDaysAgo: 340,
      gradeBands: ['K–5', '6–8'],
      evidence: [
        { name: 'Station plan', nameEs: 'Plan de estaciones', kind: 'lesson-plan' },
        { name: 'Video clip of a transition', nameEs: 'Video de una transición', kind: 'video' },
        { name: 'Student reflections', nameEs: 'Reflexiones de estudiantes', kind: 'student-work' },
      ],
    },
    color: '#9d3e6b',
    tags: ['digital', 'blended learning'],
    alignment: { targetName: 'Blended instruction', targetCode: 'LPPS-4.2', targetFramework: framework },
    validYears: 3,
  }),
  a({
    id: 'media-literacy',
    stack: 'digital',
    name: 'Media Literacy Instruction',
    nameEs: 'Enseñanza de alfabetización mediática',
    description: 'Teaches students to check sources and recognise persuasion online.',
    descriptionEs: 'Enseña a comprobar fuentes y reconocer la persuasión en línea.',
    criteria: 'Submit a **lesson sequence** on evaluating sources, with student work.',
    criteriaEs:
      'Presente una **secuencia de clases** sobre evaluación de fuentes, con trabajos de estudiantes.',
    hours: 8,
    offering: {
      format: 'self-paced',
      opensInDays: -300,
      closesInDays: 90,
      seats: 60,
      publishedDaysAgo: 500,
      gradeBands: ['6–8', '9–12'],
      evidence: [
        {
          name: 'Lesson sequence on evaluating sources',
          nameEs: 'Secuencia de clases sobre evaluación de fuentes',
          kind: 'lesson-plan',
        },
        { name: 'Student work', nameEs: 'Trabajos de estudiantes', kind: 'student-work' },
      ],
    },
    color: '#a1452c',
    tags: ['digital', 'media literacy'],
    alignment: { targetName: 'Digital citizenship', targetCode: 'LPPS-4.3', targetFramework: framework },
  }),
  a({
    id: 'computational-thinking',
    stack: 'digital',
    name: 'Computational Thinking Across Subjects',
    nameEs: 'Pensamiento computacional en todas las materias',
    description: 'Brings decomposition, patterns and algorithms into a non-computing subject.',
    descriptionEs: 'Lleva la descomposición, los patrones y los algoritmos a una materia no informática.',
    criteria: 'Submit **two lessons** from your subject that use computational thinking, with student work.',
    criteriaEs: 'Presente **dos clases** de su materia que usen pensamiento computacional, con trabajos.',
    hours: 12,
    offering: {
      format: 'blended',
      opensInDays: -20,
      closesInDays: 18,
      seats: 24,
      publishedDaysAgo: 200,
      gradeBands: ['K–5', '6–8', '9–12'],
      evidence: [
        {
          name: 'Two lessons that use computational thinking',
          nameEs: 'Dos clases que usan pensamiento computacional',
          kind: 'lesson-plan',
        },
        { name: 'Student work', nameEs: 'Trabajos de estudiantes', kind: 'student-work' },
      ],
    },
    color: '#8a5a00',
    tags: ['digital', 'computer science'],
    alignment: { targetName: 'Computational thinking', targetCode: 'LPPS-4.4', targetFramework: framework },
  }),
  a({
    id: 'scaffolding-english-learners',
    stack: 'inclusive',
    name: 'Scaffolding for English Learners',
    nameEs: 'Andamiaje para estudiantes que aprenden inglés',
    description: 'Plans language supports so English learners take part in grade-level work.',
    descriptionEs:
      'Planifica apoyos lingüísticos para que los estudiantes que aprenden inglés trabajen al nivel del grado.',
    criteria: 'Submit a **unit plan** with language objectives, sentence frames and vocabulary supports.',
    criteriaEs:
      'Presente un **plan de unidad** con objetivos lingüísticos, marcos de oraciones y vocabulario.',
    hours: 10,
    offering: {
      format: 'cohort',
      opensInDays: -10,
      closesInDays: 28,
      seats: 30,
      publishedDaysAgo: 450,
      gradeBands: ['K–5', '6–8', '9–12'],
      evidence: [
        {
          name: 'Unit plan with language objectives and supports',
          nameEs: 'Plan de unidad con objetivos y apoyos lingüísticos',
          kind: 'lesson-plan',
        },
      ],
    },
    color: '#2e6b30',
    tags: ['inclusion', 'multilingual learners'],
    alignment: { targetName: 'Language development', targetCode: 'LPPS-5.1', targetFramework: framework },
    validYears: 3,
  }),
  a({
    id: 'culturally-responsive-teaching',
    stack: 'inclusive',
    name: 'Culturally Responsive Teaching',
    nameEs: 'Enseñanza culturalmente receptiva',
    description: "Connects lessons to students' cultures, languages and lives.",
    descriptionEs: 'Conecta las clases con las culturas, lenguas y vidas de los estudiantes.',
    criteria: 'Submit a **redesigned unit** and student feedback on it.',
    criteriaEs: 'Presente una **unidad rediseñada** y la opinión de los estudiantes.',
    hours: 12,
    offering: {
      format: 'cohort',
      opensInDays: -6,
      closesInDays: 32,
      seats: 25,
      publishedDaysAgo: 320,
      gradeBands: ['K–5', '6–8', '9–12'],
      evidence: [
        { name: 'Redesigned unit', nameEs: 'Unidad rediseñada', kind: 'lesson-plan' },
        {
          name: 'Student feedback on it',
          nameEs: 'Opinión de los estudiantes sobre ella',
          kind: 'student-work',
        },
      ],
    },
    color: '#6b4f2e',
    tags: ['inclusion', 'culture'],
    alignment: {
      targetName: 'Culturally responsive practice',
      targetCode: 'LPPS-5.2',
      targetFramework: framework,
    },
  }),
  a({
    id: 'universal-design-for-learning',
    stack: 'inclusive',
    name: 'Universal Design for Learning',
    nameEs: 'Diseño universal para el aprendizaje',
    description: 'Offers several ways to engage, to learn and to show learning.',
    descriptionEs: 'Ofrece varias formas de participar, aprender y demostrar lo aprendido.',
    criteria: 'Submit a **lesson** with options for engagement, representation and expression.',
    criteriaEs: 'Presente una **clase** con opciones de participación, representación y expresión.',
    hours: 8,
    offering: {
      format: 'self-paced',
      opensInDays: -200,
      closesInDays: 160,
      seats: 80,
      publishedDaysAgo: 280,
      gradeBands: ['K–5', '6–8', '9–12'],
      evidence: [
        {
          name: 'Lesson with options for engagement, representation and expression',
          nameEs: 'Clase con opciones de participación, representación y expresión',
          kind: 'lesson-plan',
        },
      ],
    },
    color: '#2f5d8a',
    tags: ['inclusion', 'UDL'],
    alignment: { targetName: 'Universal design', targetCode: 'LPPS-5.3', targetFramework: framework },
    validYears: 3,
  }),
  a({
    id: 'restorative-circles',
    stack: 'inclusive',
    name: 'Restorative Circles',
    nameEs: 'Círculos restaurativos',
    description: 'Uses circles to build community and to repair harm.',
    descriptionEs: 'Usa círculos para construir comunidad y reparar daños.',
    criteria: 'Submit **circle plans** for four weeks and a reflection on one repair conversation.',
    criteriaEs: 'Presente **planes de círculo** de cuatro semanas y una reflexión sobre una conversación.',
    hours: 6,
    offering: {
      format: 'blended',
      opensInDays: -14,
      closesInDays: 21,
      seats: 20,
      publishedDaysAgo: 260,
      gradeBands: ['K–5', '6–8', '9–12'],
      evidence: [
        {
          name: 'Circle plans for four weeks',
          nameEs: 'Planes de círculo de cuatro semanas',
          kind: 'lesson-plan',
        },
        {
          name: 'Reflection on one repair conversation',
          nameEs: 'Reflexión sobre una conversación restaurativa',
          kind: 'reflection',
        },
      ],
    },
    color: '#8b2f4b',
    tags: ['inclusion', 'community'],
    alignment: { targetName: 'Classroom community', targetCode: 'LPPS-2.2', targetFramework: framework },
  }),
  a({
    id: 'family-partnerships',
    stack: 'inclusive',
    name: 'Family Partnerships in Two Languages',
    nameEs: 'Alianzas con las familias en dos idiomas',
    description: "Communicates with families in their language about their child's learning.",
    descriptionEs: 'Se comunica con las familias en su idioma sobre el aprendizaje de sus hijos.',
    criteria: 'Submit a **communication log** and two family-facing materials in two languages.',
    criteriaEs: 'Presente un **registro de comunicación** y dos materiales para familias en dos idiomas.',
    hours: 6,
    offering: {
      format: 'self-paced',
      opensInDays: -150,
      closesInDays: 200,
      seats: 50,
      publishedDaysAgo: 240,
      gradeBands: ['K–5', '6–8', '9–12'],
      evidence: [
        { name: 'Communication log', nameEs: 'Registro de comunicación', kind: 'artifact' },
        {
          name: 'Two family-facing materials in two languages',
          nameEs: 'Dos materiales para familias en dos idiomas',
          kind: 'artifact',
        },
      ],
    },
    color: '#3d6b6b',
    tags: ['inclusion', 'families'],
    alignment: { targetName: 'Family engagement', targetCode: 'LPPS-7.1', targetFramework: framework },
  }),
];

export const EDUCATORS: SeedEducator[] = [
  {
    id: 'ana-rivera',
    name: 'Ana Rivera',
    email: 'ana.rivera@lakeside.example',
    role: 'Grade 7 science teacher',
    roleEs: 'Docente de ciencias de 7.º grado',
    school: 'Lakeside Middle School',
    token: 'demo-token-ana',
  },
  {
    id: 'marcus-chen',
    name: 'Marcus Chen',
    email: 'marcus.chen@lakeside.example',
    role: 'Grade 3 teacher',
    roleEs: 'Docente de 3.er grado',
    school: 'Harbor View Elementary',
    token: 'demo-token-marcus',
  },
  {
    id: 'priya-natarajan',
    name: 'Priya Natarajan',
    email: 'priya.natarajan@lakeside.example',
    role: 'English language development teacher',
    roleEs: 'Docente de desarrollo del idioma inglés',
    school: 'Lakeside High School',
    token: 'demo-token-priya',
  },
];

export const AWARDS: SeedAward[] = [
  // Ana Rivera: four earned (one served as a VC-JWT), one expired, one revoked, one in progress.
  {
    educator: 'ana-rivera',
    achievement: 'formative-assessment-design',
    state: 'earned',
    daysAgo: 200,
    evidence: {
      name: 'Photosynthesis unit: exit tickets',
      narrative:
        'Three lesson plans with exit tickets; two lessons were re-taught to small groups the next day.',
    },
  },
  {
    educator: 'ana-rivera',
    achievement: 'feedback-that-moves-learning',
    state: 'earned',
    daysAgo: 120,
    jwt: true,
  },
  {
    educator: 'ana-rivera',
    achievement: 'accessible-digital-materials',
    state: 'earned',
    daysAgo: 900,
    expiresInDays: -170,
  },
  { educator: 'ana-rivera', achievement: 'universal-design-for-learning', state: 'earned', daysAgo: 60 },
  { educator: 'ana-rivera', achievement: 'computational-thinking', state: 'earned', daysAgo: 30 },
  { educator: 'ana-rivera', achievement: 'media-literacy', state: 'revoked', daysAgo: 300 },
  { educator: 'ana-rivera', achievement: 'data-driven-small-groups', state: 'in-progress', daysAgo: 14 },
  // Marcus Chen: three earned, one expired, in progress and returned with feedback.
  { educator: 'marcus-chen', achievement: 'scaffolding-english-learners', state: 'earned', daysAgo: 400 },
  { educator: 'marcus-chen', achievement: 'restorative-circles', state: 'earned', daysAgo: 90, jwt: true },
  { educator: 'marcus-chen', achievement: 'blended-station-rotation', state: 'earned', daysAgo: 45 },
  {
    educator: 'marcus-chen',
    achievement: 'formative-assessment-design',
    state: 'earned',
    daysAgo: 1300,
    expiresInDays: -200,
  },
  {
    educator: 'marcus-chen',
    achievement: 'universal-design-for-learning',
    state: 'in-progress',
    daysAgo: 20,
  },
  {
    educator: 'marcus-chen',
    achievement: 'feedback-that-moves-learning',
    state: 'returned',
    daysAgo: 10,
    feedback: 'Please add the student work from after the feedback, so reviewers can see what changed.',
  },
  // Priya Natarajan: three earned, one revoked, one submitted for review.
  {
    educator: 'priya-natarajan',
    achievement: 'culturally-responsive-teaching',
    state: 'earned',
    daysAgo: 250,
  },
  { educator: 'priya-natarajan', achievement: 'family-partnerships', state: 'earned', daysAgo: 150 },
  { educator: 'priya-natarajan', achievement: 'scaffolding-english-learners', state: 'earned', daysAgo: 75 },
  { educator: 'priya-natarajan', achievement: 'standards-based-grading', state: 'revoked', daysAgo: 500 },
  { educator: 'priya-natarajan', achievement: 'restorative-circles', state: 'submitted', daysAgo: 3 },
];

/** The legacy Open Badges 2.0 badge the district issued before moving to OB 3.0. */
export const LEGACY_BADGE = {
  id: 'digital-citizenship-2019',
  name: 'Digital Citizenship Champion (2019)',
  description: 'Awarded in 2019, before the district moved to Open Badges 3.0.',
  criteria: 'Led a school-wide digital citizenship week.',
  educator: 'ana-rivera',
  issuedOn: '2019-05-20T00:00:00Z',
  color: '#4a5d23',
};

/**
 * The issued credentials the demo's verify page shows, one per outcome (`GET /examples/{case}`):
 * picked from the seed above so each is an ordinary credential of the district, in the admin page
 * and the status list like any other. The edited copy and the one whose status list is down are
 * made from `valid` (documents.ts).
 */
export const EXAMPLE_AWARDS = {
  /** Earned, no expiry, not revoked: verifies. */
  valid: { educator: 'priya-natarajan', achievement: 'culturally-responsive-teaching' },
  /** Earned, expired 200 days before the seed date. */
  expired: { educator: 'marcus-chen', achievement: 'formative-assessment-design' },
  /** Issued, then revoked (its bit is set in the status list). */
  revoked: { educator: 'priya-natarajan', achievement: 'standards-based-grading' },
} as const;
