import { defineRule, type RuleMeta } from './api';
import { isMapping } from './util';

const meta = {
  id: 'E12-modeles-ouverts',
  engagement: 'E12',
  defaultSeverity: 'hint',
  title: { fr: 'Modèles à poids ouverts préférés', en: 'Open-weight models preferred' },
  description: {
    fr: 'Un modèle dont les poids sont publiés peut être hébergé par la Ville ou par un autre prestataire : il réduit la dépendance à un fournisseur et facilite la réversibilité. Le cadre le préfère sans l’imposer ; ce n’est qu’une suggestion.',
    en: 'A model whose weights are published can be hosted by the city or by another provider: it reduces dependence on one vendor and eases reversibility. The framework prefers it without requiring it; this is only a hint.',
  },
  howToFix: {
    fr: 'Étudiez un modèle à poids ouverts équivalent (Mistral, Llama, Whisper…) et indiquez `poids_ouverts: true` pour chaque modèle qui l’est.',
    en: 'Consider an equivalent open-weight model (Mistral, Llama, Whisper…) and set `poids_ouverts: true` for each model that is.',
  },
  messages: {
    closed: {
      fr: 'Modèle « {nom} » à poids fermés : un modèle à poids ouverts réduirait la dépendance au fournisseur ({engagement}).',
      en: "Model '{nom}' has closed weights: an open-weight model would reduce dependence on the vendor ({engagement}).",
    },
  },
  fields: ['souverainete.modeles[].poids_ouverts', 'souverainete.modeles[].nom'],
  references: ['Socle interministériel de logiciels libres (SILL)', 'Loi n° 2016-1321 pour une République numérique art. 16 (logiciels libres)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    const modeles = ctx.get(['souverainete', 'modeles']);
    if (!Array.isArray(modeles)) return;
    modeles.forEach((m, i) => {
      if (!isMapping(m) || m.poids_ouverts !== false) return;
      ctx.report({ messageId: 'closed', data: { nom: typeof m.nom === 'string' ? m.nom : `#${i + 1}` }, path: ['souverainete', 'modeles', i, 'poids_ouverts'], outcome: 'none' });
    });
  },
});
