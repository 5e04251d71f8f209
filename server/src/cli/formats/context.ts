import type { Catalogue } from '../../core/catalogue';
import type { FileResult } from '../../core/fileResult';
import type { Locale } from '../../core/types';
import type { Finding } from '../findings';

/** What every output format of `lint` receives. */
export interface LintRun {
  results: FileResult[];
  /** The findings that count (after --quiet and --baseline), in file order. */
  findings: Finding[];
  /** Findings left out because the baseline holds them. */
  baselined: number;
  locale: Locale;
  catalogue: Catalogue;
  version: string;
  /** The repository root (git top level, --root, or the current folder), absolute. */
  root: string;
  cwd: string;
  color: boolean;
}
