import type { Localized } from './types';

/** Localized messages for YAML syntax problems, by `yaml`'s error code or ours. `{detail}` is the parser's text. */
export const SYNTAX_MESSAGES: Record<string, Localized> = {
  DEFAULT: { fr: 'Erreur de syntaxe YAML : {detail}', en: 'YAML syntax error: {detail}' },
  BAD_INDENT: { fr: 'Indentation incorrecte : alignez cette ligne sur les clés de même niveau.', en: 'Bad indentation: align this line with the keys of the same level.' },
  TAB_AS_INDENT: { fr: 'Tabulation utilisée pour indenter : YAML n’accepte que des espaces.', en: 'Tab used for indentation: YAML only accepts spaces.' },
  DUPLICATE_KEY: { fr: 'Clé en double : une clé ne peut apparaître qu’une fois par bloc.', en: 'Duplicate key: a key may appear only once in a mapping.' },
  DUPLICATE_KEY_NAMED: {
    fr: 'Clé « {key} » en double (déjà ligne {line}) : une clé n’apparaît qu’une fois par bloc ; gardez la bonne valeur et supprimez l’autre. Les engagements concernés restent à compléter d’ici là.',
    en: "Duplicate key '{key}' (already on line {line}): a key appears only once in a mapping; keep the right value and remove the other. The engagements concerned stay incomplete until then.",
  },
  DUPLICATE_KEY_FIRST: { fr: 'Première occurrence de « {key} ».', en: "First occurrence of '{key}'." },
  UNCLOSED_BRACKET: {
    fr: '« {open} » ouvert ici (ligne {line}, colonne {column}) n’est jamais fermé : ajoutez « {close} » à la fin de la liste. Tout ce qui suit jusqu’à la ligne {until} est lu comme son contenu.',
    en: "'{open}' opened here (line {line}, column {column}) is never closed: add '{close}' at the end of the list. Everything up to line {until} is read as its content.",
  },
  UNCLOSED_QUOTE: {
    fr: 'Guillemet {open} ouvert ici (ligne {line}, colonne {column}) jamais fermé : ajoutez {open} à la fin du texte. Tout ce qui suit jusqu’à la ligne {until} est lu comme ce texte.',
    en: 'Quote {open} opened here (line {line}, column {column}) is never closed: add {open} at the end of the text. Everything up to line {until} is read as that text.',
  },
  OVER_INDENTED: {
    fr: 'Ligne {line} plus indentée que la clé « {key} » au-dessus : elle est lue comme la suite de sa valeur. Alignez « {next} » sur « {key} ».',
    en: "Line {line} is indented more than the key '{key}' above: it is read as the rest of its value. Align '{next}' with '{key}'.",
  },
  MULTIPLE_DOCS: {
    fr: 'Un fichier de déclaration ne contient qu’un seul document YAML (retirez le second « --- »).',
    en: "A declaration file holds a single YAML document (remove the second '---').",
  },
  MISSING_CHAR: { fr: 'Caractère manquant : {detail}', en: 'Missing character: {detail}' },
  BAD_DQ_ESCAPE: { fr: 'Séquence d’échappement invalide dans une chaîne entre guillemets.', en: 'Invalid escape sequence in a double-quoted string.' },
  MULTILINE_IMPLICIT_KEY: { fr: 'Une clé ne peut pas s’étendre sur plusieurs lignes (un « : » manque-t-il ?).', en: "A key cannot span several lines (is a ':' missing?)." },
  BLOCK_AS_IMPLICIT_KEY: {
    fr: 'Structure inattendue à la place d’une clé (un « : » ou une indentation manque-t-il ?).',
    en: "Unexpected structure where a key was expected (missing ':' or indentation?).",
  },
  UNEXPECTED_TOKEN: { fr: 'Élément inattendu : {detail}', en: 'Unexpected token: {detail}' },
  BAD_ALIAS: { fr: 'Alias invalide : {detail}', en: 'Invalid alias: {detail}' },
  BAD_SCALAR_START: { fr: 'Cette valeur ne peut pas commencer par ce caractère ; mettez-la entre guillemets.', en: 'This value cannot start with this character; quote it.' },
  KEY_OVER_1024_CHARS: { fr: 'Clé implicite de plus de 1024 caractères.', en: 'Implicit key longer than 1024 characters.' },
  TOO_LARGE: {
    fr: 'Fichier trop volumineux pour être vérifié ({detail} caractères) : découpez la déclaration ou relevez la limite « cadreIa.maxFileSize ».',
    en: "File too large to be checked ({detail} characters): split the declaration or raise the 'cadreIa.maxFileSize' limit.",
  },
  BINARY: { fr: 'Fichier binaire (octet nul) : ce n’est pas une déclaration YAML.', en: 'Binary file (NUL byte): this is not a YAML declaration.' },
  ALIAS_LIMIT: {
    fr: 'Trop d’alias YAML (protection contre les « bombes d’alias ») : le contenu n’est pas vérifié.',
    en: "Too many YAML aliases (guard against 'alias bombs'): the content is not checked.",
  },
  TOO_COMPLEX: {
    fr: 'Fichier trop complexe pour être vérifié (plus de {detail} éléments YAML ; une déclaration en compte quelques milliers) : découpez-le.',
    en: 'File too complex to be checked (more than {detail} YAML tokens; a declaration has a few thousand): split it.',
  },
  TOO_MANY_ERRORS: { fr: '{detail} autres erreurs de syntaxe ne sont pas affichées : corrigez d’abord les premières.', en: '{detail} more syntax errors are not shown: fix the first ones first.' },
  TOO_DEEP: { fr: 'Imbrication trop profonde (plus de {detail} niveaux) : le contenu n’est pas vérifié.', en: 'Nesting too deep (more than {detail} levels): the content is not checked.' },
  INTERNAL: { fr: 'Erreur interne de Cadre IA ({detail}) : merci de la signaler.', en: 'Cadre IA internal error ({detail}): please report it.' },
};
