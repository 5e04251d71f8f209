/**
 * The transparency notice of one project, as data: sections of paragraphs made of runs, each run
 * a fact from the declaration, a fixed sentence, or a gap ("à compléter") where the declaration
 * lacks a fact the notice needs. Nothing is invented: a missing fact is a visible gap, never a
 * default text. Pure: no disk, no LSP; the renderers are markdown.ts and html.ts.
 */
import type { Catalogue } from '../catalogue';
import { cadreId } from '../catalogue';
import { statementOf, isoDate } from '../derogations';
import { t } from '../i18n';
import { enumLabel, formatDate, formatNumber } from '../report/labels';
import type { Locale } from '../types';
import { NOTICE_TEXT, nt, type NoticeKey } from './texts';

/** A piece of text: plain, a link, or a gap to fill in the declaration. */
export type Run = { text: string } | { link: string; text: string } | { gap: string };

export type Block =
  | { kind: 'p'; runs: Run[] }
  | { kind: 'list'; items: Run[][] }
  /** A text to copy as it is (the E07 mention, the art. 50 disclosure, the CRPA mention), under its label. */
  | { kind: 'mention'; id: 'e07' | 'art50' | 'crpa'; label: string; runs: Run[] };

export interface NoticeSection {
  id: string;
  title: string;
  blocks: Block[];
}

export interface NoticeModel {
  locale: Locale;
  title: Run[];
  /** The title as plain text (gaps shown as their marker), for `<title>`. */
  plainTitle: string;
  intro: Run[];
  sections: NoticeSection[];
  /** Every distinct gap, in order of first appearance (its label). */
  gaps: string[];
  /** Which cases the declaration falls in (tests and the CLI's summary read them). */
  cases: { personalData: boolean; individualDecisions: boolean; highRisk: boolean; interaction: boolean; derogations: number };
  /** The project's identifier, for file names (`notice-<id>.md`). */
  id?: string;
}

export interface NoticeOptions {
  locale?: Locale;
  /** The declaration's framework (its `cadre:`): the organisation's name and engagement titles. */
  catalogue?: Catalogue;
  /** The organisation publishing the notice (a report configuration's `ville`); else the catalogue's city. */
  organisation?: string;
  /** Today, for derogations in force (default: now). */
  now?: Date;
  /** A production date written in the notice, only when given (reproducible outputs). */
  generatedOn?: string;
}

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim().replace(/\s+/g, ' ');
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Removes a final period so that a fact can sit inside a sentence. */
function inner(s: string): string {
  return s.replace(/[.\s]+$/u, '');
}

const EMAIL_RE = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const URL_RE = /^https?:\/\/[^\s<>"]+$/;

/**
 * Fills a template's `{name}` placeholders with runs. A value is a string (plain text), runs, or
 * undefined (the placeholder is dropped). The text around placeholders is plain.
 */
function fill(key: NoticeKey, locale: Locale, data: Record<string, string | Run[] | undefined> = {}): Run[] {
  const raw = t(NOTICE_TEXT[key], locale);
  const out: Run[] = [];
  let last = 0;
  for (const m of raw.matchAll(/\{(\w+)\}/g)) {
    if (m.index! > last) out.push({ text: raw.slice(last, m.index) });
    const v = data[m[1]];
    if (typeof v === 'string') out.push({ text: v });
    else if (Array.isArray(v)) out.push(...v);
    last = m.index! + m[0].length;
  }
  if (last < raw.length) out.push({ text: raw.slice(last) });
  return merge(out);
}

function merge(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if ('text' in r && !('link' in r) && prev && 'text' in prev && !('link' in prev)) prev.text += r.text;
    else if (!('text' in r) || r.text !== '' || 'link' in r) out.push({ ...r });
  }
  return out;
}

/** Plain text of runs (gaps as their marker). */
export function plain(runs: Run[], locale: Locale): string {
  return runs.map((r) => ('gap' in r ? `[${nt('gap', locale, { v: r.gap })}]` : r.text)).join('');
}

/** Builds the notice from a declaration's data (as parsed). Never throws on any data. */
export function buildNotice(data: unknown, options: NoticeOptions = {}): NoticeModel {
  const L: Locale = options.locale ?? 'fr';
  const gaps: string[] = [];
  const gap = (key: NoticeKey): Run[] => {
    const label = nt(key, L);
    if (!gaps.includes(label)) gaps.push(label);
    return [{ gap: label }];
  };
  const fact = (v: unknown, key: NoticeKey): Run[] => {
    const s = str(v);
    return s ? [{ text: s }] : gap(key);
  };
  const contactRun = (email: string | undefined): Run[] => {
    if (!email) return gap('gContact');
    if (EMAIL_RE.test(email)) return [{ link: `mailto:${email}`, text: email }];
    if (URL_RE.test(email)) return [{ link: email, text: email }];
    return [{ text: email }];
  };

  const d = obj(data);
  const projet = obj(d.projet);
  const resp = obj(projet.responsable);
  const ig = obj(d.interet_general);
  const usagers = obj(d.usagers);
  const ch = obj(d.controle_humain);
  const tr = obj(d.transparence);
  const don = obj(d.donnees);
  const dr = obj(d.droits);
  const aiAct = obj(dr.ai_act);
  const souv = obj(d.souverainete);
  const heb = obj(souv.hebergement);
  const catalogue = options.catalogue;
  const email = str(resp.email);

  const name = str(projet.nom);
  const title = fill('title', L, { name: name ? name : gap('gName') });
  const org = str(options.organisation) ?? (catalogue?.city ? t(catalogue.city, L) : undefined);
  const orgRuns: Run[] = org ? [{ text: org }] : gap('gOrg');
  const intro = fill('intro', L, { org: orgRuns });
  const sections: NoticeSection[] = [];

  // What the system does, and why.
  {
    const blocks: Block[] = [{ kind: 'p', runs: fact(projet.description, 'gDescription') }];
    const items: Run[][] = [];
    const purpose = str(ig.finalite);
    items.push(fill('purpose', L, { v: purpose ? inner(purpose) : gap('gPurpose') }));
    const statut = str(projet.statut);
    if (statut) {
      const label = enumLabel(['projet', 'statut'], statut, L);
      const since = str(projet.date_mise_en_service);
      items.push(fill('status', L, { v: since ? t(NOTICE_TEXT.since, L, { status: label, date: formatDate(since, L) }) : label }));
    }
    const pub = str(usagers.public_concerne);
    if (pub) items.push(fill('audience', L, { v: enumLabel(['usagers', 'public_concerne'], pub, L) }));
    const cat = str(aiAct.categorie);
    if (cat) items.push(fill('aiActClass', L, { v: enumLabel(['droits', 'ai_act', 'categorie'], cat, L) }));
    blocks.push({ kind: 'list', items });
    sections.push({ id: 'systeme', title: nt('what', L), blocks });
  }

  // Who is responsible.
  {
    const items: Run[][] = [fill('service', L, { v: fact(projet.direction, 'gService') })];
    const role = str(resp.fonction);
    if (role) items.push(fill('role', L, { v: role }));
    items.push(fill('contact', L, { v: contactRun(email) }));
    sections.push({ id: 'responsable', title: nt('who', L), blocks: [{ kind: 'list', items }] });
  }

  // Human control.
  {
    const level = str(ch.niveau);
    const items: Run[][] = [fill('level', L, { v: level ? enumLabel(['controle_humain', 'niveau'], level, L) : gap('gLevel') }), fill('check', L, { v: fact(ch.validation, 'gCheck') })];
    sections.push({ id: 'controle', title: nt('control', L), blocks: [{ kind: 'list', items }] });
  }

  // Data.
  const personal = don.personnelles === true;
  {
    const blocks: Block[] = [];
    if (don.personnelles === true) {
      const runs = fill('personalYes', L);
      if (don.sensibles === true) runs.push({ text: ' ' }, ...fill('sensitiveYes', L));
      blocks.push({ kind: 'p', runs: merge(runs) });
      const items: Run[][] = [];
      const basis = str(don.base_legale);
      items.push(fill('legalBasis', L, { v: basis ? enumLabel(['donnees', 'base_legale'], basis, L) : gap('gLegalBasis') }));
      const days = typeof don.conservation_jours === 'number' && Number.isFinite(don.conservation_jours) ? don.conservation_jours : undefined;
      items.push(days !== undefined ? fill('retention', L, { v: formatNumber(days, L) }) : gap('gRetention'));
      if (don.reutilisation_par_fournisseur === false) items.push(fill('reuseNo', L));
      else if (don.reutilisation_par_fournisseur === true) items.push(fill('reuseYes', L));
      const hosting = hostingText(heb, L);
      if (hosting) items.push(fill('hosting', L, { v: hosting }));
      blocks.push({ kind: 'list', items });
    } else if (don.personnelles === false) {
      blocks.push({ kind: 'p', runs: fill('personalNo', L) });
      const hosting = hostingText(heb, L);
      if (hosting) blocks.push({ kind: 'list', items: [fill('hosting', L, { v: hosting })] });
    } else {
      blocks.push({ kind: 'p', runs: gap('gPersonal') });
    }
    sections.push({ id: 'donnees', title: nt('data', L), blocks });
  }

  // Rights and appeal.
  const decisions = dr.decisions_individuelles === true;
  {
    const blocks: Block[] = [];
    if (personal) {
      const basis = str(don.base_legale);
      const more = basis === 'mission_interet_public' || basis === 'interets_legitimes' ? nt('gdprObject', L) : basis === 'consentement' ? nt('gdprWithdraw', L) : '';
      blocks.push({ kind: 'p', runs: fill('gdprRights', L, { more, contact: contactRun(email) }) });
      blocks.push({ kind: 'p', runs: fill('cnil', L) });
    }
    const recours = str(dr.recours);
    blocks.push({ kind: 'p', runs: fill('appeal', L, { v: recours ? recours : gap('gAppeal') }) });
    if (decisions) {
      const url = str(dr.publication_regles_url);
      blocks.push({ kind: 'p', runs: fill('rulesPage', L, { v: url ? (URL_RE.test(url) ? [{ link: url, text: url }] : url) : gap('gRulesUrl') }) });
    } else if (dr.decisions_individuelles !== false) {
      blocks.push({ kind: 'p', runs: gap('gDecisions') });
    }
    sections.push({ id: 'droits', title: nt('rights', L), blocks });
  }

  // High risk (AI Act).
  const highRisk = str(aiAct.categorie) === 'haut_risque';
  if (highRisk) {
    const annex = str(aiAct.annexe_iii);
    const blocks: Block[] = [{ kind: 'p', runs: fill('highRiskText', L, { annex: annex ? t(NOTICE_TEXT.annex, L, { v: annex }) : '' }) }];
    const fria = obj(dr.fria);
    const items: Run[][] = [];
    if (fria.realisee === true) {
      const date = str(fria.date);
      items.push(fill('fria', L, { date: date ? t(NOTICE_TEXT.friaDate, L, { v: formatDate(date, L) }) : '' }));
    } else items.push(gap('gFria'));
    items.push(fill('euRegistration', L, { v: fact(dr.enregistrement_ue, 'gRegistration') }));
    blocks.push({ kind: 'list', items });
    sections.push({ id: 'haut-risque', title: nt('highRisk', L), blocks });
  }

  // Mentions to reuse.
  const interaction = usagers.interaction_directe === true;
  {
    const blocks: Block[] = [{ kind: 'p', runs: fill('mentionsIntro', L) }];
    const mention = tr.mention_ia !== false ? str(tr.texte_mention) : undefined;
    blocks.push({ kind: 'mention', id: 'e07', label: nt('mentionE07', L), runs: mention ? [{ text: mention }] : gap('gMention') });
    if (interaction) {
      const contactSentence: Run[] = email ? fill('art50Contact', L, { v: contactRun(email) }) : [];
      blocks.push({ kind: 'mention', id: 'art50', label: nt('mentionArt50', L), runs: trimLast(fill('art50Text', L, { org: orgRuns.map((r) => ({ ...r })), contactSentence })) });
    }
    if (decisions) {
      const purpose = str(ig.finalite);
      blocks.push({
        kind: 'mention',
        id: 'crpa',
        label: nt('mentionCrpa', L),
        runs: fill('crpaText', L, { purpose: purpose ? lowerFirst(inner(purpose), L) : gap('gPurpose'), contact: contactRun(email) }),
      });
    }
    sections.push({ id: 'mentions', title: nt('mentions', L), blocks });
  }

  // Derogations in force (expired or forbidden ones are not derogations: lint says so).
  let derogations = 0;
  {
    const engagements = obj(d.engagements);
    const today = isoDate(options.now ?? new Date());
    const items: Run[][] = [];
    for (const id of Object.keys(engagements)) {
      const s = obj(engagements[id]);
      if (s.statut !== 'derogation') continue;
      const st = catalogue ? statementOf(d, id, catalogue, today) : undefined;
      if (st && (st.expired || st.forbidden)) continue;
      if (!catalogue && typeof s.echeance === 'string' && s.echeance < today) continue;
      const e = catalogue?.engagements.find((x) => x.id === id);
      const engagement = e ? `${id} — ${t(e.title, L)}` : id;
      const why = str(s.justification);
      const until = typeof s.echeance === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.echeance) ? formatDate(s.echeance, L) : undefined;
      items.push(fill('derogation', L, { engagement, why: why ? inner(why) : gap('gJustification'), until: until ? until : gap('gUntil') }));
      derogations++;
    }
    if (items.length) {
      const framework = catalogue ? t(catalogue.name, L) : (str(d.cadre) ?? '');
      sections.push({
        id: 'derogations',
        title: nt('derogations', L),
        blocks: [
          { kind: 'p', runs: fill('derogationsIntro', L, { framework }) },
          { kind: 'list', items },
        ],
      });
    }
  }

  // About.
  {
    const blocks: Block[] = [];
    const review = str(projet.date_revue);
    if (review) blocks.push({ kind: 'p', runs: fill('review', L, { v: formatDate(review, L) }) });
    const id = str(projet.id);
    const cadre = str(d.cadre) ?? (catalogue ? cadreId(catalogue) : '');
    if (id) blocks.push({ kind: 'p', runs: fill('source', L, { id, cadre }) });
    if (options.generatedOn) blocks.push({ kind: 'p', runs: fill('generatedOn', L, { date: formatDate(options.generatedOn, L) }) });
    if (gaps.length) blocks.push({ kind: 'p', runs: fill('gapsSummary', L, { n: String(gaps.length) }) });
    sections.push({ id: 'a-propos', title: nt('about', L), blocks });
  }

  return {
    locale: L,
    title,
    plainTitle: plain(title, L),
    intro,
    sections,
    gaps,
    cases: { personalData: personal, individualDecisions: decisions, highRisk, interaction, derogations },
    id: str(projet.id),
  };
}

/** Drops the trailing space a template leaves when its last placeholder is empty. */
function trimLast(runs: Run[]): Run[] {
  const last = runs[runs.length - 1];
  if (last && 'text' in last && !('link' in last)) last.text = last.text.replace(/\s+$/u, '');
  return runs;
}

/** "Réduire le délai…" → "réduire le délai…" inside a sentence (not for an acronym such as "CCAS…"). */
function lowerFirst(s: string, _locale: Locale): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

function hostingText(h: Obj, L: Locale): string | undefined {
  const fournisseur = str(h.fournisseur);
  const pays = str(h.pays);
  const country = pays ? enumLabel(['souverainete', 'hebergement', 'pays'], pays, L) : undefined;
  if (fournisseur && country) return `${fournisseur} (${country})`;
  return fournisseur ?? country;
}
