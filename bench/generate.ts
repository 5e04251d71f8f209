/**
 * Deterministic generator of realistic declarations for the benchmarks.
 *
 * A declaration holds every section of format v1 (schemas/declaration.schema.json); its size is reached by repeating
 * the list entries a long declaration really grows with: `souverainete.modeles`,
 * `securite.risques_specifiques` and `interet_general.indicateurs`. The same (lines, seed) always
 * gives the same text, byte for byte. The output is schema-valid (no syntax, no schema error);
 * some rule findings are expected and wanted (a real folder has some).
 *
 * Used by bench/run.ts and by test/unit/bench-generate.test.ts; run alone it writes the corpus:
 *   npx tsx bench/generate.ts [outDir]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Bump when the output changes, so cached corpora are rewritten. */
export const GENERATOR_VERSION = 1;

/** Sizes of the single-file benchmarks, in lines (approximate: the generator stops at or just past them). */
export const SIZES = [200, 2_000, 10_000] as const;
/** The workspace: this many files of about WORKSPACE_LINES lines. */
export const WORKSPACE_FILES = 1_000;
export const WORKSPACE_LINES = 200;

/** mulberry32: small, fast, seeded; enough for varied text. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIRECTIONS = [
  "Direction de l'administration generale",
  'Direction des systemes d’information et de la transformation numerique',
  'Direction de la relation aux usagers',
  'Direction des ressources humaines',
  'Direction des finances',
  'Direction de l’urbanisme appliqué',
  'Direction des espaces verts',
  'Direction de la culture',
  'Direction de l’éducation',
  'Direction de la commande publique',
];
const PROJETS: [string, string][] = [
  ['transcription-conseils', 'Transcription des conseils municipaux'],
  ['resume-courriers', 'Aide à la réponse aux courriers des usagers'],
  ['tri-factures', 'Tri et pré-saisie des factures fournisseurs'],
  ['traduction-documents', 'Traduction des documents d’accueil'],
  ['analyse-marches', 'Analyse des offres des marchés publics'],
  ['detection-fuites', 'Détection des fuites sur le réseau d’eau'],
  ['recherche-deliberations', 'Recherche dans les délibérations'],
  ['assistant-code', 'Assistant de programmation pour la DSI'],
  ['synthese-concertations', 'Synthèse des concertations citoyennes'],
  ['classement-arretes', 'Classement des arrêtés municipaux'],
  ['inventaire-arbres', 'Inventaire des arbres par imagerie'],
  ['redaction-rapports', 'Aide à la rédaction des rapports au conseil'],
];
const PRENOMS = ['Camille', 'Dominique', 'Claude', 'Alix', 'Sacha', 'Morgane', 'Yanis', 'Inès', 'Hugo', 'Léa', 'Karim', 'Nadia'];
const NOMS = ['Martin', 'Bernard', 'Moreau', 'Laurent', 'Garcia', 'Roux', 'Fournier', 'Girard', 'Benali', 'Nguyen', 'Mercier', 'Dupont'];
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "anything but ASCII"
const NON_ASCII = /[^\x00-\x7f]/g;
const FONCTIONS = ['Cheffe de projet', 'Chef de service', 'Responsable applicatif', 'Directrice adjointe', 'Architecte', 'Chargé de mission IA'];
const MOTS = [
  'agents',
  'usagers',
  'délai',
  'qualité',
  'service',
  'traitement',
  'dossier',
  'courrier',
  'réponse',
  'conseil',
  'archivage',
  'recherche',
  'saisie',
  'contrôle',
  'relecture',
  'équipe',
  'procédure',
  'document',
  'demande',
  'suivi',
  'mairie',
  'arrondissement',
  'direction',
  'projet',
  'données',
  'modèle',
  'validation',
  'formation',
  'instruction',
  'délibération',
];
const MODELES: [string, string, string, boolean][] = [
  ['whisper-large-v3', 'OpenAI', 'MIT', true],
  ['mistral-small', 'Mistral AI', 'Apache-2.0', true],
  ['llama-3.1-8b-instruct', 'Meta', 'proprietaire', true],
  ['camembert-base', 'Inria', 'MIT', true],
  ['qwen2.5-7b-instruct', 'Alibaba', 'Apache-2.0', true],
  ['gpt-4o-mini', 'OpenAI', 'proprietaire', false],
  ['bge-m3', 'BAAI', 'MIT', true],
  ['pixtral-12b', 'Mistral AI', 'Apache-2.0', true],
  ['lucie-7b', 'OpenLLM France', 'Apache-2.0', true],
  ['yolo-v8', 'Ultralytics', 'AGPL-3.0', true],
];
const RISQUES = [
  'injection_de_prompt',
  'fuite_de_donnees',
  'empoisonnement_des_donnees',
  'hallucination',
  'dependance_fournisseur',
  'exfiltration_par_plugin',
  'deni_de_service',
  'vol_de_modele',
  'biais_de_selection',
  'usurpation_identite',
];
const MESURES = [
  'Filtrage des entrées et sorties, liste blanche des outils appelables',
  'Journalisation des requêtes et revue mensuelle par le RSSI',
  'Relecture systématique par un agent avant tout envoi',
  'Cloisonnement réseau du service d’inférence, aucun accès Internet sortant',
  'Jeu de tests de non-régression rejoué à chaque nouvelle version du modèle',
  'Chiffrement des données au repos et en transit, clés gérées par la ville',
  'Limitation du débit par agent et alerte en cas de dépassement',
];
const INDICATEURS = [
  ['Délai moyen de traitement', '-30 %'],
  ['Taux de réponses corrigées par un agent', '< 20 %'],
  ['Satisfaction des agents utilisateurs', '>= 7/10'],
  ['Nombre de dossiers traités par mois', 1500],
  ['Taux d’erreur de classement', '< 5 %'],
  ['Temps agent libéré par semaine (heures)', 40],
] as const;
const STATUTS = ['idee', 'conception', 'experimentation', 'production', 'production', 'production'];
const PAYS = ['FR', 'FR', 'FR', 'DE', 'NL', 'IE'];
const QUALIFS = ['secnumcloud', 'hds', 'iso27001', 'aucune'];
const FOURNISSEURS = ['OVHcloud', 'Scaleway', 'Outscale', 'NumSpot', 'Cloud Temple', 'Hébergement interne de la ville'];

/** YAML double-quoted scalar (the texts are ours; this keeps `:` and `#` harmless). */
function q(s: string): string {
  return JSON.stringify(s);
}

interface Gen {
  r: () => number;
  pick<T>(xs: readonly T[]): T;
  int(lo: number, hi: number): number;
  sentence(words: number): string;
  date(year: number): string;
}

function gen(seed: number): Gen {
  const r = prng(seed);
  const g: Gen = {
    r,
    pick: (xs) => xs[Math.floor(r() * xs.length)],
    int: (lo, hi) => lo + Math.floor(r() * (hi - lo + 1)),
    sentence(words) {
      const w: string[] = [];
      for (let i = 0; i < words; i++) w.push(g.pick(MOTS));
      const s = w.join(' ');
      return s[0].toUpperCase() + s.slice(1) + '.';
    },
    date(year) {
      return `${year}-${String(g.int(1, 12)).padStart(2, '0')}-${String(g.int(1, 28)).padStart(2, '0')}`;
    },
  };
  return g;
}

export interface GenerateOptions {
  /** Target size in lines; the text stops at the first entry that reaches it. */
  lines: number;
  seed: number;
  /** Suffix of `projet.id`, to keep ids unique in a workspace. */
  idSuffix?: string;
}

/** A realistic declaration of about `lines` lines. Deterministic in (lines, seed, idSuffix). */
export function generateDeclaration(options: GenerateOptions): string {
  const g = gen(options.seed);
  const [baseId, nom] = g.pick(PROJETS);
  const id = options.idSuffix ? `${baseId}-${options.idSuffix}` : baseId;
  const statut = g.pick(STATUTS);
  const personnelles = g.r() < 0.6;
  const derogation = g.r() < 0.15;
  const responsable = `${g.pick(PRENOMS)} ${g.pick(NOMS)}`;
  const email = `${responsable.normalize('NFD').replace(NON_ASCII, '').toLowerCase().replace(/ /g, '.')}@mairie-lyon.fr`;
  const L: string[] = [];
  const push = (...xs: string[]) => L.push(...xs);

  push(
    '# Déclaration de projet d’IA (cadre d’usage de l’IA de la Ville de Lyon, 2025)',
    '# Générée pour les bancs d’essai de Cadre IA : texte réaliste, contenu fictif.',
    'cadre: lyon-ia/v1',
    '',
    'projet:',
    `  id: ${id}`,
    `  nom: ${q(nom)}`,
    '  description: >-',
    `    ${g.sentence(12)}`,
    `    ${g.sentence(10)}`,
    `  direction: ${q(g.pick(DIRECTIONS))}`,
    '  responsable:',
    `    nom: ${q(responsable)}`,
    `    fonction: ${q(g.pick(FONCTIONS))}`,
    `    email: ${email}`,
    `  statut: ${statut}`,
    `  date_mise_en_service: ${g.date(2026)}`,
    `  date_revue: ${g.date(2027)}`,
    '',
    'interet_general:  # E01',
    `  finalite: ${q(g.sentence(14))}`,
    '  benefices:',
    `    - ${q(g.sentence(8))}`,
    `    - ${q(g.sentence(9))}`,
    '  alternatives_etudiees:',
    '    - "Renfort temporaire de deux agents (solution sans IA), écarté pour son coût"',
    `    - ${q(g.sentence(10))}`,
  );
  const indicateursAt = L.length;
  push(
    '  indicateurs:',
    '',
    'usagers:  # E02',
    '  interaction_directe: false',
    `  public_concerne: ${g.pick(['agents', 'agents', 'mixte'])}`,
    '',
    'controle_humain:  # E04',
    '  niveau: aide_a_la_decision',
    '  validation: >-',
    '    Un agent relit et corrige chaque production avant tout usage ; il reste',
    '    seul responsable de la décision et peut ignorer la proposition.',
    '',
    'transparence:  # E07',
    '  mention_ia: true',
    '  texte_mention: "Document préparé avec l’aide d’un outil d’IA et relu par un agent."',
    '',
    'bilan_annuel:  # E03',
    '  inclus: true',
    '  usage:',
    `    utilisateurs_actifs: ${g.int(5, 900)}`,
    `    requetes_an: ${g.int(1000, 400000)}`,
    '',
    'agents:  # E08',
    '  formation:',
    '    realisee: true',
    `    date: ${g.date(2025)}`,
    '  dialogue_social:',
    '    instances_consultees: [CST, F3SCT]',
    `    date: ${g.date(2025)}`,
    '',
    'donnees:  # E05, E10',
    `  personnelles: ${personnelles}`,
    '  sensibles: false',
    ...(personnelles
      ? [
          '  base_legale: mission_interet_public',
          '  aipd:',
          '    requise: true',
          '    realisee: true',
          `    reference: ${q(`AIPD-${g.int(2024, 2026)}-${String(g.int(1, 99)).padStart(3, '0')}`)}`,
          '  dpo_consulte: true',
        ]
      : []),
    `  classification: ${g.pick(['interne', 'interne', 'diffusion_restreinte', 'publique'])}`,
    '  reutilisation_par_fournisseur: false',
    `  conservation_jours: ${g.pick([90, 180, 365, 730])}`,
    '',
    'droits:  # E06',
    '  ai_act:',
    `    role: ${g.pick(['deployeur', 'deployeur', 'fournisseur_et_deployeur'])}`,
    `    categorie: ${g.pick(['minimal', 'minimal', 'transparence'])}`,
    '    annexe_iii: null',
    '  decisions_individuelles: false',
    '  biais:',
    '    evalue: true',
    `    methode: ${q('Échantillon de ' + g.int(100, 2000) + ' cas relus par deux agents')}`,
    `    resultats: ${q(g.sentence(10))}`,
    `  recours: ${q('Tout usager peut demander la revue humaine de son dossier auprès de la mairie.')}`,
    '',
    'securite:  # E09',
    '  analyse_risques:',
    '    methode: EBIOS RM',
    `    date: ${g.date(2025)}`,
    `    reference: ${q(`AR-${g.int(100, 999)}`)}`,
    '  homologation:',
    `    statut: ${g.pick(['prononcee', 'prononcee', 'en_cours'])}`,
    `    date: ${g.date(2026)}`,
    '  journalisation:',
    '    active: true',
    `    conservation_jours: ${g.pick([180, 365])}`,
  );
  const risquesAt = L.length;
  push(
    '  risques_specifiques:',
    '',
    'souverainete:  # E12',
    '  hebergement:',
    `    fournisseur: ${q(g.pick(FOURNISSEURS))}`,
    `    pays: ${g.pick(PAYS)}`,
    `    qualification: ${g.pick(QUALIFS)}`,
    '  soumis_droit_extraterritorial: false',
  );
  const modelesAt = L.length;
  push(
    '  modeles:',
    '',
    'reversibilite:  # E11',
    '  plan_sortie:',
    '    existe: true',
    `    reference: ${q(`PS-${g.int(10, 99)}`)}`,
    `    date_test: ${g.date(2026)}`,
    '  formats_export: [json, csv, odt]',
    '  solution_de_repli: "Retour à la procédure manuelle documentée dans le plan de continuité."',
    '  clause_contractuelle: true',
    `  delai_bascule_jours: ${g.pick([30, 60, 90])}`,
    '',
    'environnement:  # E13, E14',
    '  justification_sobriete: >-',
    `    ${g.sentence(14)}`,
    '  mesure:',
    `    methode: ${g.pick(['ecologits', 'codecarbon', 'estimation'])}`,
    '    perimetre: inference',
    '  estimation_annuelle:',
    `    energie_kwh: ${g.int(50, 5000)}`,
    `    co2e_kg: ${g.int(2, 300)}`,
  );
  if (derogation) {
    push(
      '',
      'engagements:',
      '  E13:',
      '    statut: derogation',
      '    justification: "Mesure de l’empreinte reportée à la mise en production."',
      `    validee_par: ${q('Comité d’éthique du numérique, séance du ' + g.date(2026))}`,
      `    echeance: ${g.date(2027)}`,
    );
  }

  // Grow the three lists round robin until the target is reached.
  const indicateurs: string[] = [];
  const risques: string[] = [];
  const modeles: string[] = [];
  let total = L.length;
  for (let n = 0; total < options.lines; n++) {
    let entry: string[];
    if (n % 3 === 0) {
      const [inom, cible] = g.pick(INDICATEURS);
      entry = [`    - nom: ${q(`${inom} (${n + 1})`)}`, `      cible: ${typeof cible === 'number' ? cible + g.int(0, 50) : q(cible)}`];
      indicateurs.push(...entry);
    } else if (n % 3 === 1) {
      entry = [`    - risque: ${g.pick(RISQUES)}`, '      mesure: >-', `        ${g.pick(MESURES)} ;`, `        ${g.sentence(8).toLowerCase()}`];
      risques.push(...entry);
    } else {
      const [mnom, fournisseur, licence, ouverts] = g.pick(MODELES);
      entry = [
        `    - nom: ${mnom}`,
        `      version: ${q(`${g.int(1, 4)}.${g.int(0, 9)}.${n}`)}`,
        `      fournisseur: ${q(fournisseur)}`,
        `      licence: ${licence}`,
        `      poids_ouverts: ${ouverts}`,
      ];
      modeles.push(...entry);
    }
    total += entry.length;
  }
  // An empty list is written `[]`: a key without value would be null (a schema error).
  const fill = (at: number, items: string[]) => {
    if (items.length) L.splice(at + 1, 0, ...items);
    else L[at] += ' []';
  };
  // Splice from the bottom up so the earlier indices stay right.
  fill(modelesAt, modeles);
  fill(risquesAt, risques);
  fill(indicateursAt, indicateurs);
  return L.join('\n') + '\n';
}

/** File name of the single-file benchmark of a size. */
export function sizeFileName(lines: number): string {
  return `declaration-${lines}.ia.yaml`;
}

export interface Corpus {
  root: string;
  /** Single files by size (lines asked → absolute path). */
  files: Map<number, string>;
  /** Folder of WORKSPACE_FILES declarations. */
  workspace: string;
}

function writeIfChanged(file: string, text: string): void {
  try {
    if (fs.readFileSync(file, 'utf8') === text) return;
  } catch {
    // absent: write it
  }
  fs.writeFileSync(file, text);
}

/**
 * Writes (or refreshes) the corpus under `root`: one file per size and a workspace of
 * `workspaceFiles` files spread over sub-folders of 100, as a DSI's repository would be.
 */
export function writeCorpus(root: string, workspaceFiles = WORKSPACE_FILES): Corpus {
  fs.mkdirSync(root, { recursive: true });
  const files = new Map<number, string>();
  for (const lines of SIZES) {
    const file = path.join(root, sizeFileName(lines));
    writeIfChanged(file, generateDeclaration({ lines, seed: 7 * lines + 1 }));
    files.set(lines, file);
  }
  const workspace = path.join(root, `workspace-${workspaceFiles}`);
  for (let i = 0; i < workspaceFiles; i++) {
    const dir = path.join(workspace, `direction-${String(Math.floor(i / 100)).padStart(2, '0')}`);
    if (i % 100 === 0) fs.mkdirSync(dir, { recursive: true });
    const suffix = String(i).padStart(4, '0');
    writeIfChanged(path.join(dir, `projet-${suffix}.ia.yaml`), generateDeclaration({ lines: WORKSPACE_LINES, seed: 100_000 + i, idSuffix: suffix }));
  }
  return { root, files, workspace };
}

if (require.main === module) {
  const out = path.resolve(process.argv[2] ?? path.join(__dirname, '.cache', `corpus-v${GENERATOR_VERSION}`));
  const t0 = Date.now();
  const c = writeCorpus(out);
  console.log(`corpus written to ${c.root} in ${Date.now() - t0} ms`);
}
